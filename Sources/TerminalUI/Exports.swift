// Screens that draw also decode keys; one import gives both.
@_exported import TerminalBasics

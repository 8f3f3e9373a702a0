import KehuCore

/// What a form yields when asked to save: the value, or every problem to show.
public enum FormOutcome<Value> {
    case ready(Value)
    case invalid([ValidationError])
}

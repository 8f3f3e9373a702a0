import Testing
@testable import TerminalUI
import TerminalBasics

/// Bytes in, events out, with the waits decided by the caller: what arrives together,
/// what arrives apart, and what never arrives.
@Suite struct KeyDecoderTests {
    func events(_ decoder: inout KeyDecoder, expired: Bool = false) -> [InputEvent] {
        var out: [InputEvent] = []
        while let event = decoder.next(expired: expired) { out.append(event) }
        return out
    }

    @Test func anArrowSplitByTheNetworkIsOneArrow() {
        var decoder = KeyDecoder()
        decoder.feed(Array("\u{1B}[".utf8))
        #expect(events(&decoder).isEmpty)
        // Once a sequence has started it waits long: far beyond a network hiccup.
        #expect(decoder.waitMilliseconds == 600)
        decoder.feed(Array("B".utf8))
        #expect(events(&decoder) == [.key(Key(.down))])
        #expect(decoder.isEmpty)
    }

    @Test func aLoneEscapeWaitsShortlyLocallyAndLongerOverSSH() {
        var local = KeyDecoder(escapeWait: 40)
        local.feed([0x1B])
        #expect(events(&local).isEmpty)
        #expect(local.waitMilliseconds == 40)
        #expect(events(&local, expired: true) == [.key(Key(.escape))])

        var remote = KeyDecoder(escapeWait: 300)
        remote.feed([0x1B])
        #expect(remote.waitMilliseconds == 300)
        #expect(events(&remote).isEmpty)
        remote.feed(Array("[B".utf8))   // the rest, 100 ms later: within the wait
        #expect(events(&remote) == [.key(Key(.down))])
    }

    @Test func aSequenceWhoseRestNeverComesIsEscapeAndWhatCame() {
        var decoder = KeyDecoder()
        decoder.feed(Array("\u{1B}[".utf8))
        #expect(events(&decoder, expired: true) == [.key(Key(.escape)), .key(.char("["))])
    }

    @Test func keysTheTerminalsSend() {
        let cases: [(String, Key)] = [
            ("\u{1B}OA", Key(.up)), ("\u{1B}[D", Key(.left)), ("\u{1B}[1;2A", Key(.up, shift: true)),
            ("\u{1B}[1;5C", Key(.right, control: true)), ("\u{1B}[5~", Key(.pageUp)), ("\u{1B}[6~", Key(.pageDown)),
            ("\u{1B}[1~", Key(.home)), ("\u{1B}[H", Key(.home)), ("\u{1B}OF", Key(.end)), ("\u{1B}[8~", Key(.end)),
            ("\u{1B}[3~", Key(.delete)), ("\u{1B}[Z", Key(.tab, shift: true)), ("\u{1B}OP", Key(.function(1))),
            ("\u{1B}[15~", Key(.function(5))), ("\u{1B}[24~", Key(.function(12))), ("\u{1B}[[A", Key(.function(1))),
            ("\u{1B}x", Key(.character("x"), alt: true)), ("\u{1B}\r", Key(.enter, alt: true)), ("\u{7F}", Key(.backspace)),
            ("\u{08}", Key(.backspace)), ("\r", Key(.enter)), ("\t", Key(.tab)), ("\u{04}", .ctrl("d")), ("\u{00}", Key(.space, control: true)),
            ("华", .char("华")), (" ", Key(.space)), ("\u{1B}OM", Key(.enter)),
        ]
        for (bytes, key) in cases {
            var decoder = KeyDecoder()
            decoder.feed(Array(bytes.utf8))
            #expect(events(&decoder) == [.key(key)], "\(Array(bytes.utf8))")
        }
    }

    @Test func aTerminalsOwnKeyStringsComeFirst() {
        var decoder = KeyDecoder(known: [Array("\u{1B}[11~".utf8): Key(.function(1)), Array("\u{1B}Ow".utf8): Key(.home)])
        decoder.feed(Array("\u{1B}[11~\u{1B}Ow".utf8))
        #expect(events(&decoder) == [.key(Key(.function(1))), .key(Key(.home))])
    }

    @Test func chineseSplitInsideACharacterWaitsForTheRest() {
        var decoder = KeyDecoder()
        let bytes = Array("客户".utf8)
        decoder.feed(bytes[0..<4])
        #expect(events(&decoder) == [.key(.char("客"))])
        decoder.feed(bytes[4...])
        #expect(events(&decoder) == [.key(.char("户"))])
    }

    @Test func aPasteIsTextEvenWhenItArrivesInPieces() {
        var decoder = KeyDecoder()
        decoder.feed(Array("\u{1B}[200~一、老板\r\n二、\u{1B}[20".utf8))
        #expect(events(&decoder).isEmpty)
        decoder.feed(Array("1~j".utf8))
        #expect(events(&decoder) == [.paste("一、老板\n二、"), .key(.char("j"))])
    }

    @Test func mouseReports() {
        var decoder = KeyDecoder()
        decoder.feed(Array("\u{1B}[<0;5;8M\u{1B}[<0;5;8m\u{1B}[<65;40;12M\u{1B}[<64;1;1M\u{1B}[<32;3;3M".utf8))
        #expect(events(&decoder) == [.mouse(MouseEvent(kind: .press(.left), x: 4, y: 7)), .mouse(MouseEvent(kind: .release, x: 4, y: 7)),
                                     .mouse(MouseEvent(kind: .wheelDown, x: 39, y: 11)), .mouse(MouseEvent(kind: .wheelUp, x: 0, y: 0))])
        // The old form: ESC [ M and three bytes.
        decoder.feed([0x1B, 0x5B, 0x4D, 32, 33 + 9, 33 + 2])
        #expect(events(&decoder) == [.mouse(MouseEvent(kind: .press(.left), x: 9, y: 2))])
    }

    @Test func theClipboardSequenceCarriesTheTextInBase64() {
        #expect(Clipboard.osc52("010-3648 7097") == "\u{1B}]52;c;MDEwLTM2NDggNzA5Nw==\u{07}")
        #expect(Clipboard.osc52("京BJ") == "\u{1B}]52;c;5LqsQko=\u{07}")
    }
}

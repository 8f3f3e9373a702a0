/// `n` (never negative) in at least `width` digits: 42 as "0042" for a width of 4.
/// Written out because `String(format:)` goes through Foundation's formatter, millions of
/// times in a large demo.
func zeroPadded(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

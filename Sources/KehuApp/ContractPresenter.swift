import KehuCore
import KehuStore
import TerminalBasics

/// A contract as its signer reads it (002 §3.2): the amount, the chain of signatures —
/// given, awaited, or the rejection with its reason — then the product, the contract
/// number and who recorded it.
public enum ContractPresenter {
    public static func lines(_ c: ContractProposal, width: Int, strings s: Strings) -> [StyledLine] {
        var flow = FlowLayout(width: width)
        func line(_ label: String, _ value: String, _ role: ThemeRole = .cardValue) {
            flow.newLine()
            flow.item(label, value.isEmpty ? "—" : value, role: role)
        }
        // The amount and the signatures first: on a short pane they are what the signer decides on.
        line(s.amountLabel, s.yuan(c.order.amountYuan), .cardEmphasis)
        let chain = c.chain.map { step -> String in
            guard let decided = c.decisions.first(where: { $0.step == step }) else {
                return s.label(step) + (step == c.nextStep ? " … " + s.waitingLabel : "")
            }
            return s.label(step) + (decided.approved ? " ✔ " : " ✘ ") + "\(decided.approverName) \(decided.at.date.monthDay)"
        }
        line(s.signaturesLabel, chain.joined(separator: " → "))
        if let rejection = c.rejection { line(s[.reasonLabel], rejection.note, .overdue) }
        line(s.productLabel, c.order.product)
        line(s.contractNumberLabel, c.order.contractNumber)
        line(s.orderedOnLabel, c.order.date.description)
        let recorded = [c.recorderName, c.recordedAt.map { "\($0.date.monthDay) \($0.clock)" } ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        line(s.recordedByLabel, recorded)
        line(s[.owner], c.ownerName)
        return flow.finish()
    }
}

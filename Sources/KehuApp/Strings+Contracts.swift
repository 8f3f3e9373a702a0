import KehuCore
import KehuStore

/// The words of contract approval, payments, merging and moving a customer.
extension Strings {
    private var zh: Bool { language == .zh }

    public func label(_ step: ContractStep) -> String {
        switch step {
        case .officeManager: return zh ? "办事处经理" : "office manager"
        case .keyAccount: return zh ? "大客户管理部" : "key-account dept."
        case .salesVP: return zh ? "销售副总监" : "sales VP"
        case .salesDirector: return zh ? "销售总监" : "sales director"
        }
    }

    public func label(_ state: ContractState) -> String {
        switch state {
        case .pending: return zh ? "待审批" : "awaiting approval"
        case .approved: return zh ? "已批准" : "approved"
        case .rejected: return zh ? "已驳回" : "rejected"
        }
    }

    public var downgradeTag: String { zh ? "降级" : "downgrade" }
    public var proposedByLabel: String { zh ? "提议人" : "Proposed by" }
    /// The score sheet's criteria with their marks, in an approval's detail.
    public var scoresLabel: String { zh ? "各项得分" : "Scores" }
    public var contractTitle: String { zh ? "合同审批" : "Contract" }
    public var contractTag: String { zh ? "合同" : "contract" }
    public var amountLabel: String { zh ? "合同额" : "Amount" }
    public var productLabel: String { zh ? "产品" : "Product" }
    public var contractNumberLabel: String { zh ? "合同号" : "Contract no." }
    public var orderedOnLabel: String { zh ? "签订日" : "Signed" }
    public var recordedByLabel: String { zh ? "录入" : "Recorded by" }
    public var signaturesLabel: String { zh ? "签署" : "Signatures" }
    public var waitingLabel: String { zh ? "待签" : "waiting" }
    public var shippedLabel: String { zh ? "已发货" : "shipped" }
    public var receivedLabel: String { zh ? "已回款" : "received" }
    public var outstandingLabel: String { zh ? "欠款" : "owed" }
    public var outstandingTotalLabel: String { zh ? "欠款合计" : "Owed in all" }
    public var paymentFormTitle: String { zh ? "发货与回款" : "Shipped and received" }
    public var noApprovedOrder: String { zh ? "没有已批准且未结清的订单" : "No approved order is still open" }
    public var paymentSaved: String { zh ? "发货与回款已记入" : "Shipment and payment booked" }
    public var contractRejectedMessage: String { zh ? "合同已驳回" : "Contract rejected" }

    /// After a signature: who signs next, or that the contract is approved.
    public func contractSigned(_ c: ContractProposal) -> String {
        if c.order.state == .approved { return zh ? "合同已批准，可以发货" : "Contract approved: it may ship" }
        guard let next = c.nextStep else { return label(c.order.state) }
        return zh ? "已签署；下一步：\(label(next))" : "Signed; next: the \(label(next))"
    }

    /// An order's money in one phrase: "已发货 12万 · 已回款 8万 · 欠款 4万".
    public func orderMoney(_ order: Order) -> String {
        [("\(shippedLabel) \(yuan(order.shippedYuan))"), ("\(receivedLabel) \(yuan(order.receivedYuan))"),
         ("\(outstandingLabel) \(yuan(order.outstandingYuan))")].joined(separator: " · ")
    }

    public var mergeTitle: String { zh ? "合并客户" : "Merge customers" }
    public var moveTitle: String { zh ? "更改省市" : "Move to another city" }
    public func merged(_ absorbed: String, into survivor: String) -> String {
        zh ? "\(absorbed) 已并入 \(survivor)" : "\(absorbed) merged into \(survivor)"
    }
    public func moved(to code: String) -> String { zh ? "已迁移，新代码 \(code)（原代码仍可查到）" : "Moved; new code \(code) (the former code still finds it)" }
}

import Foundation
import GRDB
import Testing
import KehuCore
@testable import KehuStore

/// A salesperson fills a whole intent card and corrects the follow-up they just logged;
/// the supervisor's evening check shows the card's score and analysis beside that
/// follow-up, and the correction with what it said first (issue 16).
@Suite(.enabled(if: tmuxAvailable, "tmux is needed: .ci/run installs it"), .serialized)
struct IntentCardSessionTests {
    @Test func aWholeCardAndACorrectionReachTheEveningCheck() throws {
        let sandbox = Sandbox()
        let path = try sandbox.eveningTeamDatabase(seed: 37)
        let salesperson = try TmuxSession(command: "\(kehuBinary) --db \(path) --as zhangwei", environment: sandbox.environment)
        let code = try salesperson.logFirstFollowUp("客户要求周三前给方案", level: "a")
        let store = try KehuDatabase.open(path: path)
        let customerID = try #require(try store.customerID(code: code))
        let customerName = try #require(try store.customer(id: customerID)?.name)
        // Today moved on past it: back to that customer by searching its name.
        try salesperson.send("/")
        try salesperson.waitFor(text: "┏ 搜索")
        try salesperson.send("-l", customerName)
        try salesperson.waitFor("the match for \(customerName)") { $0.contains { $0.contains(code) } && $0.joined().contains("/ \(customerName)") }
        try salesperson.send("Enter")
        try salesperson.waitFor("\(code) shown") { screen in !screen.joined().contains("┏ 搜索") && screen[1].contains(code) }

        // The whole card: every field in order, each typed once its field has the focus.
        try salesperson.send("i")
        try salesperson.waitFor(text: "▸姓名/单位")
        let fields: [(label: String, text: String?)] = [
            ("性别", nil), ("年龄", "45"), ("电话", nil), ("职业", "设备科长"), ("居住地", "天河区"), ("最佳回访", "下午三点后"),
            ("现有产品", "老式车床两台"), ("主要使用者", "车间主任"), ("用途", "扩产"), ("基本情况", "国企，预算三月批"),
            ("意向产品", nil), ("型号", "CK6150"), ("颜色", "灰白"), ("购买类型", nil), ("关注点", "精度、售后"), ("中意点", "操作简单"),
            ("对比产品", "大族"), ("预算", nil), ("付款方式", "分三期"), ("有利因素", "老板认可售后"), ("不利因素", "竞品便宜8%"),
            ("所需资源", "技术员上门演示"), ("主要异议", "交期太长！"), ("意向度", "75"),
        ]
        for field in fields {
            try salesperson.send("Tab")
            try salesperson.waitFor(text: "▸\(field.label)")
            guard let text = field.text else { continue }
            // Entering a field selects what is there: the text typed replaces it.
            try salesperson.send("-l", text)
            try salesperson.waitFor(text: text)
        }
        try salesperson.waitFor(text: "→ B")                  // the score suggests the level
        try salesperson.send("C-s")
        try salesperson.waitFor(text: "意向卡已保存")

        // The follow-up just logged, corrected: the text completed, and why.
        try salesperson.send("K")
        try salesperson.waitFor(text: "▸内容")
        try salesperson.send("-l", "，要带技术员")
        try salesperson.waitFor(text: "要带技术员")
        for label in ["级别判定", "印象", "瓶颈方案", "下次访问", "更正原因"] {
            try salesperson.send("Tab")
            try salesperson.waitFor(text: "▸\(label)")
        }
        try salesperson.send("-l", "漏写了技术员")
        try salesperson.waitFor(text: "漏写了技术员")
        try salesperson.send("C-s")
        try salesperson.waitFor(text: "已更正，原记录保留")
        try salesperson.waitFor(text: "原记录：")
        try salesperson.send("q")
        try salesperson.waitForExit(0)

        let card = try #require(try store.openCard(customerID: customerID))
        #expect(card.occupation == "设备科长" && card.objections == "交期太长！" && card.intentScore == 75 && card.level == .b)

        // The supervisor's evening check: the follow-up with its card's analysis and the correction.
        let supervisor = try TmuxSession(command: "\(kehuBinary) --db \(path) --as lizhuguan", environment: sandbox.environment)
        try supervisor.waitFor(text: "今日跟进 (按销售)")
        #expect(try supervisor.selectInEveningQueue(handler: "张伟", customerName: customerName))
        try supervisor.waitFor(text: "客户要求周三前给方案，要带技术员")
        try supervisor.waitFor(text: "意向度 75")
        try supervisor.waitFor(text: "主要异议 交期太长！")
        try supervisor.waitFor(text: "漏写了技术员")
        try supervisor.waitFor(text: "已更正")
        try supervisor.send("q")
        try supervisor.waitForExit(0)
    }
}

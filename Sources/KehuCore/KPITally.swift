/// One salesperson's contacts counted as the regulations count them (000 §3.2, §6.2):
/// customers, not activities.
///
/// - 3.2: "每天最少以电话或电子邮件等远程沟通方式拜访15个有效客户" — each working day, the
///   distinct customers reached by phone or message. Ten calls to one customer are one.
/// - 6.2: "每周至少拜访25个潜在客户,其中面访不少于10个" — each week, the distinct potential
///   customers visited; the documents call a call a visit too (§3 is 电话拜访), so any
///   contact counts, and of those customers, the ones met face to face (上门, 来店) count
///   towards the second target. A cooperating customer's maintenance call is no prospect
///   visit: only prospects count (a customer still potential, or a contact logged on an
///   intent card, which is how a prospect is developed even if it has signed since).
public struct KPITally: Sendable {
    /// One (day, customer, method) the salesperson had, and whether the customer was a
    /// prospect for it.
    public struct Contact: Hashable, Sendable {
        public let day: LocalDate
        public let customerID: Int64
        public let method: ContactMethod
        public let prospect: Bool
        public init(day: LocalDate, customerID: Int64, method: ContactMethod, prospect: Bool) {
            self.day = day; self.customerID = customerID; self.method = method; self.prospect = prospect
        }
    }

    private var remoteByDay: [LocalDate: Set<Int64>] = [:]
    private var prospectsByWeek: [LocalDate: Set<Int64>] = [:]
    private var faceToFaceByWeek: [LocalDate: Set<Int64>] = [:]

    public init() {}

    public init(_ contacts: some Sequence<Contact>) {
        for contact in contacts { add(contact) }
    }

    public mutating func add(_ contact: Contact) {
        if contact.method.isRemote { remoteByDay[contact.day, default: []].insert(contact.customerID) }
        guard contact.prospect else { return }
        let week = contact.day.weekStart
        prospectsByWeek[week, default: []].insert(contact.customerID)
        if contact.method.isFaceToFace { faceToFaceByWeek[week, default: []].insert(contact.customerID) }
    }

    /// Distinct customers reached remotely on `day`.
    public func remoteCustomers(on day: LocalDate) -> Int { remoteByDay[day]?.count ?? 0 }

    /// Customer-days reached remotely, summed over the days.
    public var remoteCustomerDays: Int { remoteByDay.values.reduce(0) { $0 + $1.count } }

    /// Distinct prospects visited in each week, summed over the weeks (a prospect visited
    /// in two weeks counts in both: the target is weekly).
    public var prospectVisits: Int { prospectsByWeek.values.reduce(0) { $0 + $1.count } }

    /// Of those, the ones met face to face, summed over the weeks.
    public var faceToFaceVisits: Int { faceToFaceByWeek.values.reduce(0) { $0 + $1.count } }

    /// Distinct prospects visited in the week starting on Monday `week`.
    public func prospectVisits(inWeekOf day: LocalDate) -> Int { prospectsByWeek[day.weekStart]?.count ?? 0 }
    public func faceToFaceVisits(inWeekOf day: LocalDate) -> Int { faceToFaceByWeek[day.weekStart]?.count ?? 0 }
}

extension ContactMethod {
    /// Reached without meeting: a call or a message (3.2's 电话或电子邮件).
    public var isRemote: Bool { self == .phone || self == .message }
}

extension LocalDate {
    /// The Monday of this date's ISO week.
    public var weekStart: LocalDate { adding(days: 1 - isoWeekday) }
}

/// How many rows and columns each pane has to show; set by the screen on every layout.
public struct Viewport: Hashable, Sendable {
    public var listRows: Int
    /// Rows of matches while searching: the list pane less the line the query is typed on.
    public var searchRows: Int { max(1, listRows - 1) }
    public var cardRows: Int
    public var cardWidth: Int
    public var timelineRows: Int
    public var timelineWidth: Int
    /// The whole terminal, for boxes laid over it.
    public var screenWidth: Int
    public var screenHeight: Int

    public init(listRows: Int, cardRows: Int, cardWidth: Int, timelineRows: Int, timelineWidth: Int,
                screenWidth: Int = 100, screenHeight: Int = 30) {
        self.listRows = listRows; self.cardRows = cardRows; self.cardWidth = cardWidth
        self.timelineRows = timelineRows; self.timelineWidth = timelineWidth
        self.screenWidth = screenWidth; self.screenHeight = screenHeight
    }
}

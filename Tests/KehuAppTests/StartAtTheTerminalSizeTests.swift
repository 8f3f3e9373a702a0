import Testing
@testable import KehuApp

/// The customer screen reads its first screen while the terminal is still being set up,
/// at the size the terminal driver gives: the same screen as reading it at a guessed size
/// and then resizing, with the card and timeline laid out once instead of twice.
struct StartAtTheTerminalSizeTests {
    @Test(arguments: [Viewport(listRows: 24, cardRows: 9, cardWidth: 56, timelineRows: 12, timelineWidth: 56, screenWidth: 100, screenHeight: 30),
                      Viewport(listRows: 8, cardRows: 4, cardWidth: 23, timelineRows: 5, timelineWidth: 23, screenWidth: 50, screenHeight: 14)])
    func startingAtTheSizeShowsWhatResizingAfterwardsShows(viewport: Viewport) throws {
        let scratch = Scratch()
        let resized = try demoViewModel(scratch)
        resized.start()
        resized.setViewport(viewport)
        let atSize = try demoViewModel(scratch)
        atSize.start(at: viewport)
        #expect(atSize.viewport == viewport)
        #expect(atSize.visibleRows.map(\.index) == resized.visibleRows.map(\.index))
        #expect(atSize.visibleRows.map(\.row.name) == resized.visibleRows.map(\.row.name))
        #expect(atSize.detail?.customer.id == resized.detail?.customer.id)
        #expect(atSize.cardLines == resized.cardLines)
        #expect(atSize.timelineLines == resized.timelineLines)
        #expect(!atSize.cardLines.isEmpty && !atSize.timelineLines.isEmpty)
    }

    /// Reading the card again for the keys' connection changes nothing on screen or in
    /// the file.
    @Test func preparingTheCardForKeysChangesNothing() throws {
        let scratch = Scratch()
        let vm = try demoViewModel(scratch)
        vm.start()
        let (shown, lines, timeline, change) = (vm.selectedCustomerID, vm.cardLines, vm.timelineLines, try vm.store.latestChange())
        vm.prepareTheCardForKeys()
        #expect(shown != nil)
        #expect(vm.selectedCustomerID == shown && vm.cardLines == lines && vm.timelineLines == timeline)
        #expect(try vm.store.latestChange() == change)
    }
}

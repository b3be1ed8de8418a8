@testable import DossierFetch
import Testing
import Locking

/// A clock the test moves by hand: the gate's spacing is asserted on it, never on real time.
private final class DrivenClock: Sendable {
    private let origin = ContinuousClock.now
    private let elapsed = Locked<Duration>(.zero)

    func now() -> ContinuousClock.Instant { origin + elapsed.withLock { $0 } }

    func advance(by duration: Duration) { elapsed.withLock { $0 += duration } }
}

@Suite("host gate")
struct HostGateTests {
    private func gate(total: Int, perHost: Int, delay: Duration = .zero, clock: DrivenClock = DrivenClock()) -> HostGate<String> {
        HostGate(totalLimit: total, perHostLimit: perHost, delay: delay, now: { clock.now() })
    }

    @Test("a free slot admits at once; a host at its limit queues")
    func admitsOrQueues() {
        let gate = gate(total: 4, perHost: 1)
        #expect(gate.enter("a", id: 1, waiter: "a1") == .admitted(wait: .zero))
        #expect(gate.enter("a", id: 2, waiter: "a2") == .queued)
        #expect(gate.enter("b", id: 3, waiter: "b1") == .admitted(wait: .zero))
    }

    @Test("a freed slot goes to the host that freed it first, then to the other waiting hosts in turn")
    func handOverOrder() {
        let gate = gate(total: 2, perHost: 2)
        #expect(gate.enter("a", id: 1, waiter: "a1") == .admitted(wait: .zero))
        #expect(gate.enter("a", id: 2, waiter: "a2") == .admitted(wait: .zero))
        for (id, waiter) in [(3, "b1"), (4, "a3"), (5, "c1"), (6, "a4")] {
            #expect(gate.enter(String(waiter.prefix(1)), id: UInt64(id), waiter: waiter) == .queued)
        }
        let served = (0..<4).flatMap { _ in gate.leave("a").map(\.waiter) }
        #expect(served == ["a3", "a4", "b1", "c1"])
        #expect(gate.leave("b").isEmpty)
    }

    @Test("starts to one host are spaced by its delay, measured on the gate's clock")
    func spacing() {
        let clock = DrivenClock()
        let gate = gate(total: 8, perHost: 8, delay: .seconds(2), clock: clock)
        #expect(gate.enter("a", id: 1, waiter: "a1") == .admitted(wait: .zero))
        #expect(gate.enter("a", id: 2, waiter: "a2") == .admitted(wait: .seconds(2)))
        #expect(gate.enter("a", id: 3, waiter: "a3") == .admitted(wait: .seconds(4)))
        clock.advance(by: .seconds(5))
        #expect(gate.enter("a", id: 4, waiter: "a4") == .admitted(wait: .seconds(1)))
        #expect(gate.enter("b", id: 5, waiter: "b1") == .admitted(wait: .zero), "another host is not spaced")
        gate.setDelay(.seconds(10), for: "b")
        #expect(gate.enter("b", id: 6, waiter: "b2") == .admitted(wait: .seconds(2)))
        #expect(gate.enter("b", id: 7, waiter: "b3") == .admitted(wait: .seconds(12)))
    }

    @Test("a waiter admitted on a hand-over gets the wait due from that moment")
    func spacingOnHandOver() {
        let clock = DrivenClock()
        let gate = gate(total: 1, perHost: 1, delay: .seconds(3), clock: clock)
        #expect(gate.enter("a", id: 1, waiter: "a1") == .admitted(wait: .zero))
        #expect(gate.enter("a", id: 2, waiter: "a2") == .queued)
        clock.advance(by: .seconds(1))
        let admitted = gate.leave("a")
        #expect(admitted.map(\.waiter) == ["a2"])
        #expect(admitted.map(\.wait) == [.seconds(2)])
    }

    @Test("a withdrawn waiter is never admitted; an admitted one cannot be withdrawn")
    func withdraw() {
        let gate = gate(total: 1, perHost: 1)
        #expect(gate.enter("a", id: 1, waiter: "a1") == .admitted(wait: .zero))
        #expect(gate.enter("a", id: 2, waiter: "a2") == .queued)
        #expect(gate.enter("a", id: 3, waiter: "a3") == .queued)
        #expect(gate.withdraw(2, host: "a") == "a2")
        #expect(gate.withdraw(1, host: "a") == nil)
        #expect(gate.leave("a").map(\.waiter) == ["a3"])
        #expect(gate.withdraw(3, host: "a") == nil)
    }

    @Test("a cancelled task is neither admitted nor queued")
    func cancelledTask() async {
        let gate = gate(total: 1, perHost: 1)
        let entry = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return gate.enter("a", id: 1, waiter: "a1")
        }.value
        #expect(entry == .cancelled)
        #expect(gate.enter("a", id: 2, waiter: "a2") == .admitted(wait: .zero), "the cancelled entry took no slot")
    }

    @Test("waiters are served in arrival order across many hand-overs while the queue never empties")
    func longQueueOrder() {
        let gate = gate(total: 1, perHost: 1)
        #expect(gate.enter("a", id: 0, waiter: "0") == .admitted(wait: .zero))
        var nextID = 1
        func enqueue() {
            #expect(gate.enter("a", id: UInt64(nextID), waiter: String(nextID)) == .queued)
            nextID += 1
        }
        for _ in 0..<300 { enqueue() }
        var served: [String] = []
        while let admitted = gate.leave("a").first {
            served.append(admitted.waiter)
            if nextID <= 600 { enqueue() }
        }
        #expect(served == (1...600).map(String.init))
    }
}

import DogSchool
import EventSourcing

/// How fast the mapper alone turns a dog's events into stored events and back, without a
/// recorder: its encoding and its decoding side by side. The dog has a registration and
/// `count` tricks; each figure is the median of ``loadRuns`` passes over all of them, in
/// events per second.
func mapperRates(count: Int) async throws -> (encode: Double, decode: Double) {
  let mapper = Mapper()
  var dog = EventSourced<Dog>.register(name: "Fido")
  for index in 1...count { dog.addTrick("trick \(index)") }
  let events = dog.pendingEvents
  var stored: [StoredEvent] = []
  let encodeTime = try await medianSeconds(runs: loadRuns) {
    stored = try mapper.storedEvents(events, after: nil)
  }
  let decodeTime = try await medianSeconds(runs: loadRuns) {
    let decoded = try mapper.recordedEvents(Dog.Event.self, from: stored)
    guard decoded.count == events.count else {
      throw BenchmarkError.wrongCount(decoded.count, events.count)
    }
  }
  return (Double(events.count) / encodeTime, Double(events.count) / decodeTime)
}

import EventSourcing
import Testing

@Suite("Configuration by environment")
struct ApplicationEnvironmentTests {
  @Test("Persistence is in memory unless configured otherwise")
  func defaultPersistence() throws {
    let settings = ApplicationEnvironment([:], processEnvironment: [:])
    #expect(try settings.persistenceModule() == .memory)
    #expect(try settings.makeRecorder() is InMemoryRecorder)
  }

  @Test("Settings given in code win over the process environment")
  func overridesWin() throws {
    let settings = ApplicationEnvironment(
      ["PERSISTENCE_MODULE": "memory"], processEnvironment: ["PERSISTENCE_MODULE": "nonsense"])
    #expect(try settings.persistenceModule() == .memory)
    #expect(settings["PERSISTENCE_MODULE"] == "memory")
  }

  @Test("The Python library's names for in-memory persistence work too")
  func pythonNames() throws {
    for name in ["popo", "eventsourcing.popo", "MEMORY"] {
      let settings = ApplicationEnvironment(["PERSISTENCE_MODULE": name], processEnvironment: [:])
      #expect(try settings.persistenceModule() == .memory)
    }
  }

  @Test("An unknown persistence module fails at start-up with its name")
  func unknownModule() throws {
    #expect(throws: ConfigurationError.self) {
      try Application(environment: ["PERSISTENCE_MODULE": "cassandra"])
    }
    do {
      _ = try Application(environment: ["PERSISTENCE_MODULE": "cassandra"])
    } catch {
      #expect("\(error)".contains("'cassandra'"))
      #expect("\(error)".contains("PERSISTENCE_MODULE"))
    }
  }
}

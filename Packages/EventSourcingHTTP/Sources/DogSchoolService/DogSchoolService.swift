public import DogSchool
public import EventSourcing
internal import EventSourcingHTTP
internal import Foundation
public import Hummingbird
internal import NIOCore
internal import NIOFoundationCompat

/// The tutorial's dog school as a web service, with its notification log beside it.
///
/// - `POST /dogs` with `{"name": "Fido"}`: registers a dog; 201 with `{"id": "…"}`.
/// - `POST /dogs/{id}/tricks` with `{"trick": "roll over"}`: teaches it a trick; 204.
/// - `GET /dogs/{id}`: `{"id": "…", "name": "Fido", "tricks": ["roll over"]}`.
/// - `GET /notifications…`: the log, as ``NotificationLogService`` serves it.
///
/// Dog IDs are written as Python writes UUIDs in the log (32 hex digits); the dashed form is
/// read too. Errors have a JSON body `{"error": {"message": "…"}}`: 400 for a bad ID or body,
/// 404 for an unknown dog, 408 for a body that takes too long, 409 when another request
/// changed the dog first (a version conflict: send the request again), 413 for a body over
/// ``maximumBodySize``.
public struct DogSchoolService: Sendable {
  /// The school.
  public let school: DogSchool
  /// The largest request body accepted, in bytes.
  public let maximumBodySize: Int
  /// How long a request body may take to arrive.
  public let bodyDeadline: Duration

  /// Creates the service.
  public init(
    school: DogSchool, maximumBodySize: Int = 4_096, bodyDeadline: Duration = .seconds(10)
  ) {
    self.school = school
    self.maximumBodySize = maximumBodySize
    self.bodyDeadline = bodyDeadline
  }

  /// Adds the school's routes and its log's to a router.
  public func addRoutes<Context: RequestContext>(
    to router: Router<Context>, log: NotificationLog? = nil
  ) {
    router.post("dogs") { request, _ in
      var request = request
      let body: NameBody = try await decode(&request)
      let id = try await school.registerDog(name: body.name)
      return try json(IDBody(id: id.hexDigits), status: .created)
    }
    router.post("dogs/:id/tricks") { request, context in
      let id = try dogID(context)
      var request = request
      let body: TrickBody = try await decode(&request)
      try await run { try await school.addTrick(id, trick: body.trick) }
      return Response(status: .noContent)
    }
    router.get("dogs/:id") { _, context in
      let id = try dogID(context)
      let dog = try await run { try await school.getDog(id) }
      return try json(DogBody(id: id.hexDigits, name: dog.name, tricks: dog.tricks), status: .ok)
    }
    NotificationLogService(log: log ?? school.notificationLog).addRoutes(to: router)
  }

  // MARK: - Helpers

  private func dogID(_ context: some RequestContext) throws -> UUID {
    guard let text = context.parameters.get("id"), let id = UUID(hexDigits: text) else {
      throw HTTPError(.badRequest, message: "A dog's ID is a UUID: 32 hex digits.")
    }
    return id
  }

  private func decode<Body: Decodable & Validating>(_ request: inout Request) async throws -> Body {
    let data = try await request.collectBody(upTo: maximumBodySize, within: bodyDeadline)
    guard let body = try? JSONDecoder().decode(Body.self, from: data), body.isValid else {
      throw HTTPError(.badRequest, message: Body.expectation)
    }
    return body
  }

  /// Runs a command, answering the library's errors with their HTTP status.
  private func run<T>(_ command: () async throws -> T) async throws -> T {
    do {
      return try await command()
    } catch RepositoryError.aggregateNotFound {
      throw HTTPError(.notFound, message: "No dog with this ID is registered.")
    } catch RecorderError.versionConflict {
      throw HTTPError(
        .conflict, message: "Another request changed this dog first; send the request again.")
    }
  }

  private func json(_ body: some Encodable, status: HTTPResponse.Status) throws -> Response {
    Response(
      status: status, headers: [.contentType: "application/json"],
      body: ResponseBody(byteBuffer: ByteBuffer(data: try JSONEncoder().encode(body))))
  }
}

// MARK: - Bodies

protocol Validating {
  var isValid: Bool { get }
  static var expectation: String { get }
}

private struct NameBody: Decodable, Validating {
  let name: String
  var isValid: Bool { !name.isEmpty && name.count <= 100 }
  static let expectation = #"The body must be JSON: {"name": "…"}, 1 to 100 characters."#
}

private struct TrickBody: Decodable, Validating {
  let trick: String
  var isValid: Bool { !trick.isEmpty && trick.count <= 100 }
  static let expectation = #"The body must be JSON: {"trick": "…"}, 1 to 100 characters."#
}

private struct IDBody: Encodable { let id: String }

private struct DogBody: Encodable {
  let id: String
  let name: String
  let tricks: [String]
}

namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>What kind of refusal a domain rule makes; the gRPC layer turns it into a status code.</summary>
public enum ErrorKind
{
    InvalidArgument,
    FailedPrecondition,
    NotFound,
    AlreadyExists,
    PermissionDenied,
    ResourceExhausted,
    Aborted,
    Unavailable,
}

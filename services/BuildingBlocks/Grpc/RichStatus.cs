using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>Builds the richer gRPC error model (<c>google.rpc.Status</c> with details) from a domain refusal.</summary>
public static class RichStatus
{
    public static RpcException From(DomainException error, string domain)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)ToCode(error.Kind),
            Message = error.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = error.Reason, Domain = domain }) },
        };
        if (error.FieldViolations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(error.FieldViolations.Select(v => new BadRequest.Types.FieldViolation
            {
                Field = v.Field,
                Description = v.Description,
                Reason = v.Reason ?? string.Empty,
            }));
            status.Details.Add(Any.Pack(badRequest));
        }
        if (error.PreconditionViolations.Count > 0)
        {
            var failure = new PreconditionFailure();
            failure.Violations.AddRange(error.PreconditionViolations.Select(v => new PreconditionFailure.Types.Violation
            {
                Type = v.Type,
                Subject = v.Subject,
                Description = v.Description,
            }));
            status.Details.Add(Any.Pack(failure));
        }
        if (error.QuotaViolations.Count > 0)
        {
            var quota = new QuotaFailure();
            quota.Violations.AddRange(error.QuotaViolations.Select(v => new QuotaFailure.Types.Violation { Subject = v.Subject, Description = v.Description }));
            status.Details.Add(Any.Pack(quota));
        }
        if (error.Kind == ErrorKind.Unavailable)
        {
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(DefaultRetryAfter) }));
        }
        return status.ToRpcException();
    }

    /// <summary>How long a caller is asked to wait before trying an unavailable call again.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>A status with only an <c>ErrorInfo</c>, for failures that are not a domain rule.</summary>
    public static RpcException Simple(StatusCode code, string reason, string message, string domain) =>
        new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = domain }) },
        }.ToRpcException();

    /// <summary>UNAVAILABLE with the time a caller should wait before trying again (<c>google.rpc.RetryInfo</c>).</summary>
    public static RpcException Unavailable(string reason, string message, TimeSpan retryAfter, string domain) =>
        new Google.Rpc.Status
        {
            Code = (int)StatusCode.Unavailable,
            Message = message,
            Details =
            {
                Any.Pack(new ErrorInfo { Reason = reason, Domain = domain }),
                Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }),
            },
        }.ToRpcException();

    public static StatusCode ToCode(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        ErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        ErrorKind.NotFound => StatusCode.NotFound,
        ErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        ErrorKind.PermissionDenied => StatusCode.PermissionDenied,
        ErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
        ErrorKind.Aborted => StatusCode.Aborted,
        ErrorKind.Unavailable => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}

using Google.Rpc;
using Grpc.Core;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;

namespace HmisPlatform.BuildingBlocks.Tests.Grpc;

public sealed class RichStatusTests
{
    [Fact]
    public void InvalidArgument_CarriesReasonDomainAndFieldViolations()
    {
        var error = DomainException.Invalid("EMAIL_NOT_AGENCY_DOMAIN", "not an agency email",
            new FieldViolation("users[0].email", "not in the agency's domains", "EMAIL_NOT_AGENCY_DOMAIN"));

        var status = RichStatus.From(error, "hmis.requests").GetRpcStatus()!;

        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        var info = status.GetDetail<ErrorInfo>();
        Assert.Equal("EMAIL_NOT_AGENCY_DOMAIN", info.Reason);
        Assert.Equal("hmis.requests", info.Domain);
        Assert.Equal("users[0].email", Assert.Single(status.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Null(status.GetDetail<PreconditionFailure>());
    }

    [Fact]
    public void FailedPrecondition_CarriesThePreconditionFailure()
    {
        var error = DomainException.Precondition("AGENCY_APA_NOT_CURRENT", "no APA", new PreconditionViolation("APA", "agencies/1", "expired"));

        var status = RichStatus.From(error, "hmis.requests").GetRpcStatus()!;

        Assert.Equal((int)StatusCode.FailedPrecondition, status.Code);
        Assert.Equal("agencies/1", Assert.Single(status.GetDetail<PreconditionFailure>().Violations).Subject);
    }

    [Theory]
    [InlineData(ErrorKind.NotFound, StatusCode.NotFound)]
    [InlineData(ErrorKind.AlreadyExists, StatusCode.AlreadyExists)]
    [InlineData(ErrorKind.PermissionDenied, StatusCode.PermissionDenied)]
    [InlineData(ErrorKind.ResourceExhausted, StatusCode.ResourceExhausted)]
    [InlineData(ErrorKind.Aborted, StatusCode.Aborted)]
    public void EachKind_MapsToItsCode(ErrorKind kind, StatusCode code) => Assert.Equal(code, RichStatus.ToCode(kind));
}

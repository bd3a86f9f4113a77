using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Tests.Fakes;

namespace HmisPlatform.BuildingBlocks.Tests.Idempotency;

public sealed class RequestHashTests
{
    // The hash covers the message type and body; that request_id is left out shows in the services' retry tests.
    private const string Caller = "ata-1\nlakeview-case-system";

    private static Hmis.Common.V1.Access Body(params Hmis.Common.V1.ProjectType[] types) => new() { ProjectTypes = { types } };

    [Fact]
    public void SameBody_SameHash() =>
        Assert.Equal(
            IdempotentCommands<MessagingTestDbContext>.RequestHash(Body(Hmis.Common.V1.ProjectType.Ssvf), Caller),
            IdempotentCommands<MessagingTestDbContext>.RequestHash(Body(Hmis.Common.V1.ProjectType.Ssvf), Caller));

    [Fact]
    public void OtherBody_OtherHash() =>
        Assert.NotEqual(
            IdempotentCommands<MessagingTestDbContext>.RequestHash(Body(Hmis.Common.V1.ProjectType.Ssvf), Caller),
            IdempotentCommands<MessagingTestDbContext>.RequestHash(Body(Hmis.Common.V1.ProjectType.Hpcc), Caller));

    [Fact]
    public void SameFieldsOfAnotherMessageType_OtherHash()
    {
        var enrolled = new TrainingEnrolled { EventId = "1", OccurredAt = new Timestamp() };
        var completed = new TrainingCompleted { EventId = "1", OccurredAt = new Timestamp() };
        Assert.NotEqual(
            IdempotentCommands<MessagingTestDbContext>.RequestHash(enrolled, Caller),
            IdempotentCommands<MessagingTestDbContext>.RequestHash(completed, Caller));
    }

    [Trait("ASVS", "2.3.3")]
    [Fact]
    public void SameBodyFromAnotherCaller_OrThroughAnotherClient_OtherHash()
    {
        var person = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("sub", "ata-1"), new(PlatformIdentity.ClientIdClaim, "lakeview-case-system")], "test"));
        var samePersonOtherClient = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("sub", "ata-1"), new(PlatformIdentity.ClientIdClaim, "hmis-web")], "test"));
        var otherPerson = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("sub", "ata-2"), new(PlatformIdentity.ClientIdClaim, "lakeview-case-system")], "test"));

        var hashes = new[] { person, samePersonOtherClient, otherPerson }
            .Select(p => Convert.ToHexString(IdempotentCommands<MessagingTestDbContext>.RequestHash(Body(Hmis.Common.V1.ProjectType.Ssvf),
                IdempotentCommands<MessagingTestDbContext>.CallerOf(p))))
            .ToList();

        Assert.Equal(3, hashes.Distinct().Count());
        Assert.Equal(Convert.ToHexString(IdempotentCommands<MessagingTestDbContext>.RequestHash(Body(Hmis.Common.V1.ProjectType.Ssvf), Caller)), hashes[0]);
    }
}

using Google.Protobuf.WellKnownTypes;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Tests.Fakes;

namespace HmisPlatform.BuildingBlocks.Tests.Idempotency;

public sealed class RequestHashTests
{
    // The hash covers the message type and body; that request_id is left out shows in the services' retry tests.
    private static Hmis.Common.V1.Access Body(params Hmis.Common.V1.ProjectType[] types) => new() { ProjectTypes = { types } };

    [Fact]
    public void SameBody_SameHash() =>
        Assert.Equal(
            IdempotentCommands<MessagingTestDbContext>.RequestHash(Body(Hmis.Common.V1.ProjectType.Ssvf)),
            IdempotentCommands<MessagingTestDbContext>.RequestHash(Body(Hmis.Common.V1.ProjectType.Ssvf)));

    [Fact]
    public void OtherBody_OtherHash() =>
        Assert.NotEqual(
            IdempotentCommands<MessagingTestDbContext>.RequestHash(Body(Hmis.Common.V1.ProjectType.Ssvf)),
            IdempotentCommands<MessagingTestDbContext>.RequestHash(Body(Hmis.Common.V1.ProjectType.Hpcc)));

    [Fact]
    public void SameFieldsOfAnotherMessageType_OtherHash()
    {
        var enrolled = new TrainingEnrolled { EventId = "1", OccurredAt = new Timestamp() };
        var completed = new TrainingCompleted { EventId = "1", OccurredAt = new Timestamp() };
        Assert.NotEqual(
            IdempotentCommands<MessagingTestDbContext>.RequestHash(enrolled),
            IdempotentCommands<MessagingTestDbContext>.RequestHash(completed));
    }
}

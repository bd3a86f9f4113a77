using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;

namespace HmisPlatform.BuildingBlocks.Tests.Messaging;

public sealed class EventEnvelopeTests
{
    [Fact]
    public void AnEventAboutARequestsPerson_IsAboutTheRequest_SoEventsAboutItsPeopleApplyInOrder()
    {
        var extended = new AccessExtended { EventId = Guid.NewGuid().ToString(), PersonId = "p-1", AccessRequestId = "r-1", AccountId = "a-1", AgencyId = "g-1" };

        Assert.Equal("access_request_id:r-1", EventEnvelope.Subject(extended));
        Assert.Equal(EventEnvelope.Subject(extended), EventEnvelope.Subject(new AccessExtended { EventId = Guid.NewGuid().ToString(), PersonId = "p-2", AccessRequestId = "r-1" }));
    }

    [Fact]
    public void AnEventAboutNoRequest_IsAboutItsPerson_ElseItsAgency_ElseItself()
    {
        var eventId = Guid.NewGuid().ToString();

        Assert.Equal("person_id:p-1", EventEnvelope.Subject(new AccessExtended { EventId = eventId, PersonId = "p-1", AgencyId = "g-1" }));
        Assert.Equal("agency_id:g-1", EventEnvelope.Subject(new AtaTrainingDeadlineNotice { EventId = eventId, AgencyId = "g-1" }));
        Assert.Equal($"event_id:{eventId}", EventEnvelope.Subject(new AtaTrainingDeadlineNotice { EventId = eventId }));
    }
}

using Google.Protobuf.WellKnownTypes;
using Hmis.Common.V1;
using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Assessment.Tests.Api;

/// <summary>Read Only and HPCC / State Homeless Prevention access take no Sample Client Assignment.</summary>
public sealed class WaivedAssignmentTests(AssessmentFixture service) : IClassFixture<AssessmentFixture>
{
    [Theory]
    [InlineData(true, false, ProjectType.ServicesOnly)]
    [InlineData(false, true, ProjectType.Hpcc)]
    [InlineData(false, true, ProjectType.StateHomelessPrevention)]
    public async Task TrainingCompleted_WithoutAnAssignmentStep_OpensNone(bool readOnly, bool helpDeskOnly, ProjectType projectType)
    {
        var person = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        var completed = Trainees.Completed(person, projectTypes: [projectType], readOnly: readOnly, helpDeskOnly: helpDeskOnly);
        completed.EventId = eventId.ToString();
        await service.Redis.PublishAsync(service.StreamOf(TrainingCompleted.Descriptor), completed);

        // Applied (it is in the inbox) and opened nothing.
        await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.Set<InboxEntry>().AnyAsync(e => e.EventId == eventId)), seen => seen);
        Assert.False(await service.QueryAsync(db => db.Assignments.AnyAsync(a => a.PersonId == person)));
    }
}

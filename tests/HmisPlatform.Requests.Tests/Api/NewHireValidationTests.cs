using Grpc.Core;
using Hmis.Events.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using DomainRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>A Supervisor validates a request's new hires, signed in as themselves; the agency's own system cannot do it for them.</summary>
public sealed class NewHireValidationTests(RequestsFixture service) : IClassFixture<RequestsFixture>
{
    private AccessRequests.AccessRequestsClient SignedIn(Guid personId, string role, Guid agencyId) =>
        new(service.ChannelWithToken(TestTokens.Person(personId, role, agencyId.ToString())));

    private async Task<Guid> SupervisorAsync()
    {
        var id = Guid.NewGuid();
        await service.Agencies.AddAgencyAdministratorAsync(new AddAgencyAdministratorRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyId = DemoData.LakeviewAgencyId.ToString(), PersonId = id.ToString(), FullName = "Morgan Validates",
            Email = $"supervisor.{id:N}@lakeview.example.org", Role = AdministratorRole.Supervisor,
        });
        return id;
    }

    [Fact]
    public async Task Supervisor_ValidatesTheNewHires_Once_AndTheRequestAndItsEventSaySo()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser($"hire.{Guid.NewGuid():N}@lakeview.example.org"))).AccessRequest;
        var supervisorId = await SupervisorAsync();
        var supervisor = SignedIn(supervisorId, Caller.SupervisorRole, DemoData.LakeviewAgencyId);
        var validate = new ValidateNewHireRequest { RequestId = Guid.NewGuid().ToString(), AccessRequestId = submitted.Id };

        var validated = (await supervisor.ValidateNewHireAsync(validate)).AccessRequest;
        var retried = (await supervisor.ValidateNewHireAsync(validate)).AccessRequest;
        var again = (await supervisor.ValidateNewHireAsync(new ValidateNewHireRequest { RequestId = Guid.NewGuid().ToString(), AccessRequestId = submitted.Id })).AccessRequest;

        var validation = Assert.Single(again.NewHireValidations);
        Assert.Equal((supervisorId.ToString(), "Morgan Validates", "ADMINISTRATOR_ROLE_SUPERVISOR"), (validation.AdministratorId, validation.FullName, validation.Role));
        Assert.Equal(validated.NewHireValidations, retried.NewHireValidations);
        var published = await service.Redis.WaitForAsync<NewHireValidated>(service.StreamOf(NewHireValidated.Descriptor), e => e.AccessRequestId == submitted.Id);
        Assert.Equal((supervisorId.ToString(), "ADMINISTRATOR_ROLE_SUPERVISOR"), (Assert.Single(published).Validator.Id, published[0].Role));
        var history = (await service.HmisTeam.ListAccessRequestHistoryAsync(new ListAccessRequestHistoryRequest { AccessRequestId = submitted.Id })).Changes;
        Assert.Equal(supervisorId.ToString(), Assert.Single(history, c => c.Action == "NEW_HIRE_VALIDATED").Actor);
    }

    [Fact]
    public async Task TheApproval_NamesWhoValidated_SoNotificationsNeedNotWaitForTheValidationEvent()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser($"hire.{Guid.NewGuid():N}@lakeview.example.org"))).AccessRequest;
        var supervisorId = await SupervisorAsync();
        var validated = (await SignedIn(supervisorId, Caller.SupervisorRole, DemoData.LakeviewAgencyId).ValidateNewHireAsync(
            new ValidateNewHireRequest { RequestId = Guid.NewGuid().ToString(), AccessRequestId = submitted.Id })).AccessRequest;

        await service.HmisTeam.ApproveAsync(validated);

        var approval = Assert.Single(await service.Redis.WaitForAsync<AccessRequestApproved>(service.StreamOf(AccessRequestApproved.Descriptor), a => a.AccessRequestId == submitted.Id));
        var validator = Assert.Single(approval.Validators);
        Assert.Equal((supervisorId.ToString(), "Morgan Validates", $"supervisor.{supervisorId:N}@lakeview.example.org"), (validator.Id, validator.FullName, validator.Email));
    }

    [Fact]
    public async Task TheAgencysSystem_AnotherAgencysSupervisor_AndATrainee_CannotValidate()
    {
        var submitted = (await service.Client.SubmitAccessRequestAsync(Requests.NewAgencyUser($"hire.{Guid.NewGuid():N}@lakeview.example.org"))).AccessRequest;
        var supervisorId = await SupervisorAsync();
        ValidateNewHireRequest Validate() => new() { RequestId = Guid.NewGuid().ToString(), AccessRequestId = submitted.Id };

        var bySystem = await RpcErrors.CatchAsync(() => service.Client.ValidateNewHireAsync(Validate()).ResponseAsync);
        var elsewhere = await RpcErrors.CatchAsync(() => SignedIn(supervisorId, Caller.SupervisorRole, DemoData.SouthsideAgencyId).ValidateNewHireAsync(Validate()).ResponseAsync);
        var byTrainee = await RpcErrors.CatchAsync(() => SignedIn(Guid.Parse(submitted.Users[0].PersonId), Caller.TraineeRole, DemoData.LakeviewAgencyId)
            .ValidateNewHireAsync(Validate()).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, DomainRequest.ValidatorNotAdministratorReason), (bySystem.StatusCode, bySystem.Reason()));
        // Another agency's people, and a trainee, are told only that nothing with that id is theirs to see.
        Assert.Equal((StatusCode.PermissionDenied, Caller.NotAvailableReason), (elsewhere.StatusCode, elsewhere.Reason()));
        Assert.Equal((StatusCode.PermissionDenied, Caller.NotAvailableReason), (byTrainee.StatusCode, byTrainee.Reason()));
        Assert.False(await service.QueryAsync(db => db.AccessRequests.AnyAsync(r => r.Id == Guid.Parse(submitted.Id) && r.NewHireValidations.Any())));
    }
}

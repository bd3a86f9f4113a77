using Grpc.Core;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Infrastructure;
using HmisPlatform.Requests.IntegrationEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AdministratorRole = HmisPlatform.Requests.Domain.Agencies.AdministratorRole;
using Agency = HmisPlatform.Requests.Domain.Agencies.Agency;
using AgencyAdministrator = HmisPlatform.Requests.Domain.Agencies.AgencyAdministrator;
using AtaCompliance = HmisPlatform.Requests.Domain.Agencies.AtaCompliance;

namespace HmisPlatform.Requests.Grpc;

/// <summary>The Agencies gRPC API: the HMIS team keeps agencies, their APA, projects and administrators.</summary>
public sealed class AgenciesService(
    RequestsDbContext db,
    IdempotentCommands<RequestsDbContext> commands,
    IOptions<AtaTrainingCalendar> calendar,
    TimeProvider time) : Agencies.AgenciesBase
{
    public const string AgencyNotFoundReason = "AGENCY_NOT_FOUND";
    public const string AdministratorNotFoundReason = "ADMINISTRATOR_NOT_FOUND";
    public const string AdministratorExistsReason = "ADMINISTRATOR_EXISTS";

    [Authorize(Policy = PlatformIdentity.RequestsWrite)]
    public override Task<CreateAgencyResponse> CreateAgency(CreateAgencyRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            context.Caller().EnsureHmisTeam("keeps the agencies");
            var agency = new Agency(Guid.CreateVersion7(time.GetUtcNow()), AgencyProfile.Create(
                request.Name, request.EmailDomains, request.InHmis, request.ApaSignedOn, request.ApaEndsOn, request.Projects.Select(p => (p.Name, p.ProjectType.ToDomain()))));
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(ct);
            return new CreateAgencyResponse { Agency = agency.ToMessage([], calendar.Value, Today) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.RequestsWrite)]
    public override Task<UpdateAgencyResponse> UpdateAgency(UpdateAgencyRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            context.Caller().EnsureHmisTeam("keeps the agencies");
            var agency = await FindAsync(Ids.Parse(request.AgencyId, "agency_id"), ct);
            agency.Update(AgencyProfile.Create(
                request.Name, request.EmailDomains, request.InHmis, request.ApaSignedOn, request.ApaEndsOn, request.Projects.Select(p => (p.Name, p.ProjectType.ToDomain()))));
            await db.SaveChangesAsync(ct);
            return new UpdateAgencyResponse { Agency = agency.ToMessage(await AdministratorsOfAsync(agency.Id, ct), calendar.Value, Today) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<GetAgencyResponse> GetAgency(GetAgencyRequest request, ServerCallContext context)
    {
        var id = Ids.Parse(request.AgencyId, "agency_id");
        var agency = context.Caller().EnsureMayRead(await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, context.CancellationToken), a => a.Id, "AGENCY");
        return new GetAgencyResponse { Agency = agency.ToMessage(await AdministratorsOfAsync(id, context.CancellationToken), calendar.Value, Today) };
    }

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<ListAgenciesResponse> ListAgencies(ListAgenciesRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var seesAll = caller.IsHmisTeam || caller.IsCeTeam;
        Guid? own = seesAll ? null : caller.EnsureMayReadAgency(caller.AgencyId ?? Guid.Empty);
        var agencies = await db.Agencies.AsNoTracking().Where(a => own == null || a.Id == own).OrderBy(a => a.Name).ToListAsync(context.CancellationToken);
        var administrators = (await db.AgencyAdministrators.AsNoTracking().Where(a => own == null || a.AgencyId == own).ToListAsync(context.CancellationToken))
            .ToLookup(a => a.AgencyId);
        return new ListAgenciesResponse { Agencies = { agencies.Select(a => a.ToMessage([.. administrators[a.Id]], calendar.Value, Today)) } };
    }

    [Authorize(Policy = PlatformIdentity.RequestsWrite)]
    public override Task<AddAgencyAdministratorResponse> AddAgencyAdministrator(AddAgencyAdministratorRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            context.Caller().EnsureHmisTeam("names ATAs and Supervisors");
            var agency = await FindAsync(Ids.Parse(request.AgencyId, "agency_id"), ct);
            var personId = Ids.Parse(request.PersonId, "person_id");
            var administrator = agency.Appoint(personId, request.FullName, request.Email, request.Role.ToDomain(), Today);
            if (await db.AgencyAdministrators.AnyAsync(a => a.Id == personId, ct))
            {
                throw new DomainException(ErrorKind.AlreadyExists, AdministratorExistsReason, "That person is an administrator already.");
            }
            db.AgencyAdministrators.Add(administrator);
            await db.SaveChangesAsync(ct);
            return new AddAgencyAdministratorResponse { Administrator = administrator.ToMessage(calendar.Value, Today) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.RequestsWrite)]
    public override Task<RecordAtaTrainingResponse> RecordAtaTraining(RecordAtaTrainingRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            context.Caller().EnsureHmisTeam("records ATA training");
            var id = Ids.Parse(request.AdministratorId, "administrator_id");
            var administrator = await db.AgencyAdministrators.SingleOrDefaultAsync(a => a.Id == id, ct)
                ?? throw DomainException.NotFound(AdministratorNotFoundReason, "No such administrator.");
            var completedOn = IsoDate.Parse(request.CompletedOn, "completed_on")
                ?? throw DomainException.Invalid(IsoDate.InvalidDateReason, "Say when it was completed.", new FieldViolation("completed_on", "required", IsoDate.InvalidDateReason));
            administrator.RecordTraining(request.Kind.ToDomain(), completedOn, Today);
            await db.SaveChangesAsync(ct);
            return new RecordAtaTrainingResponse { Administrator = administrator.ToMessage(calendar.Value, Today) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.DataImport)]
    public override async Task<ImportAgenciesResponse> ImportAgencies(ImportAgenciesRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var now = time.GetUtcNow();
        var import = new AgencyImport(await db.Agencies.ToListAsync(ct), await db.AgencyAdministrators.ToListAsync(ct), Today, () => Guid.CreateVersion7(now));
        var agencies = request.Agencies.Select(row => import.Agency(row.Line, row.AgencyName, row.EmailDomains, row.ApaStart, row.ApaEnd, row.ProjectTypes.ToDomain())).ToList();
        var administrators = request.Administrators.Select(row => import.Administrator(row.Line, row.AgencyName, row.Role.ToDomain(), row.GivenName, row.FamilyName,
            row.Email, row.AtaTrainingCompletedOn)).ToList();
        var applied = request.Mode.Applies([.. agencies, .. administrators]);
        if (applied)
        {
            // Refused rows changed nothing (each row checks before it changes), so what is tracked is the good rows' work.
            db.Agencies.AddRange(import.NewAgencies);
            db.AgencyAdministrators.AddRange(import.NewAdministrators);
            await db.SaveChangesAsync(ct);
        }
        return new ImportAgenciesResponse
        {
            Agencies = { agencies.Select(r => r.ToMessage()) },
            Administrators = { administrators.Select(r => r.ToMessage()) },
            Applied = applied,
        };
    }

    [Authorize(Policy = PlatformIdentity.RequestsRead)]
    public override async Task<ListAtasSubjectToRemovalResponse> ListAtasSubjectToRemoval(ListAtasSubjectToRemovalRequest request, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeam("lists ATAs subject to removal");
        var untrained = await db.AgencyAdministrators.AsNoTracking()
            .Where(a => a.Role == AdministratorRole.Ata && a.TrainingCompletedOn == null)
            .OrderBy(a => a.AgencyId).ThenBy(a => a.FullName)
            .ToListAsync(context.CancellationToken);
        return new ListAtasSubjectToRemovalResponse
        {
            Administrators = { untrained.Where(a => a.Compliance(calendar.Value, Today) == AtaCompliance.Overdue).Select(a => a.ToMessage(calendar.Value, Today)) },
        };
    }

    private DateOnly Today => Continuum.DateOf(time.GetUtcNow());

    private async Task<Agency> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw DomainException.NotFound(AgencyNotFoundReason, "No such agency.");

    private async Task<List<AgencyAdministrator>> AdministratorsOfAsync(Guid agencyId, CancellationToken cancellationToken) =>
        await db.AgencyAdministrators.AsNoTracking().Where(a => a.AgencyId == agencyId).OrderBy(a => a.FullName).ToListAsync(cancellationToken);
}

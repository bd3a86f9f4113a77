using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.Requests.Contracts;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.IntegrationEvents;
using Agency = HmisPlatform.Requests.Domain.Agencies.Agency;
using AgencyAdministrator = HmisPlatform.Requests.Domain.Agencies.AgencyAdministrator;
using AgencyProject = Hmis.Requests.V1.AgencyProject;

namespace HmisPlatform.Requests.Grpc;

/// <summary>Agencies and their administrators to contract messages.</summary>
internal static class AgencyMapping
{
    public static Hmis.Requests.V1.Agency ToMessage(this Agency agency, IReadOnlyList<AgencyAdministrator> administrators, AtaTrainingCalendar calendar, DateOnly today) => new()
    {
        Id = agency.Id.ToString(),
        Name = agency.Name,
        EmailDomains = { agency.EmailDomains },
        InHmis = agency.InHmis,
        ApaSignedOn = IsoDate.Format(agency.ApaSignedOn),
        ApaEndsOn = IsoDate.Format(agency.ApaEndsOn),
        ApaCurrent = agency.HasCurrentApa(today),
        Projects = { agency.Projects.Select(p => new AgencyProject { Name = p.Name, ProjectType = p.ProjectType.ToContract() }) },
        Administrators = { administrators.Select(a => a.ToMessage(calendar, today)) },
    };

    public static Hmis.Requests.V1.AgencyAdministrator ToMessage(this AgencyAdministrator administrator, AtaTrainingCalendar calendar, DateOnly today) => new()
    {
        Id = administrator.Id.ToString(),
        AgencyId = administrator.AgencyId.ToString(),
        FullName = administrator.FullName,
        Email = administrator.Email,
        Role = administrator.Role.ToContract(),
        AppointedOn = IsoDate.Format(administrator.AppointedOn),
        TrainingKind = administrator.TrainingKind.ToContract(),
        TrainingCompletedOn = IsoDate.Format(administrator.TrainingCompletedOn),
        TrainingDeadline = IsoDate.Format(administrator.TrainingDeadline(calendar)),
        Compliance = administrator.Compliance(calendar, today).ToContract(),
    };
}

using Hmis.Events.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Contracts;
using HmisPlatform.Training.Domain.Catalog;
using HmisPlatform.Training.Domain.LearningPaths;
using HmisPlatform.Training.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using LearningPath = HmisPlatform.Training.Domain.LearningPaths.LearningPath;

namespace HmisPlatform.Training.IntegrationEvents;

/// <summary>
/// An approved request puts each person on the learning path of the access approved. A full transfer needs no
/// training, so it gets no path; courses the person completed before that still count are done already.
/// </summary>
public sealed class EnrolLearningPath(TrainingDbContext db, LmsAccountRegistry lmsAccounts, IOptions<TrainingOptions> options, TimeProvider time)
    : IEventHandler<AccessRequestApproved>
{
    public async Task HandleAsync(AccessRequestApproved integrationEvent, CancellationToken cancellationToken)
    {
        var access = integrationEvent.Access;
        var (responsibilities, projectTypes) = (access.Responsibilities.ToDomain(), access.ProjectTypes.ToDomain());
        var personId = Guid.Parse(integrationEvent.Applicant.PersonId);
        var now = time.GetStoredNow();
        var earlier = await db.LearningPaths.AsNoTracking().Where(p => p.PersonId == personId)
            .SelectMany(p => p.Courses).Where(c => c.CompletedAt != null).ToListAsync(cancellationToken);
        // Courses completed before go-live (the LMS import) count as an earlier path's do.
        var catalog = await db.CatalogAsync(cancellationToken);
        earlier.AddRange((await db.ImportedCourseRecords.AsNoTracking().Where(r => r.PersonId == personId && r.CompletedOn != null).ToListAsync(cancellationToken))
            .Where(r => catalog.ContainsKey(r.CourseCode))
            .Select(r => r.AsEarlierCompletion(catalog[r.CourseCode].ValidityMonths)!));
        var foundationStillValid = earlier.Where(c => c.ValidUntil > now && CourseCatalog.Find(c.CourseCode).IsFoundation).Select(c => c.CourseCode).ToHashSet();
        var codes = PathShape.CoursesFor(responsibilities, projectTypes, integrationEvent.TransferPath, integrationEvent.ProjectTypesToTrain.ToDomain(), foundationStillValid,
            integrationEvent.AssessmentWaived);
        if (codes.Count == 0)
        {
            return;
        }
        var applicant = integrationEvent.Applicant;
        var account = await lmsAccounts.EnsureAsync(personId, EmailAddress.Parse(applicant.Email, "email"), applicant.LmsUsername, (applicant.GivenName, applicant.FamilyName),
            integrationEvent.AgencyEmailDomains, now, cancellationToken);
        var path = LearningPath.Enrol(personId, Guid.Parse(integrationEvent.AccessRequestId), Guid.Parse(integrationEvent.AgencyId),
            projectTypes, PathShape.IsReadOnly(responsibilities), codes, earlier, integrationEvent.AgencyEmailDomains,
            account is not { PersonalEmail: true }, options.Value.FinishWithin, now, integrationEvent.AssessmentWaived, integrationEvent.NoDataEntry);
        db.LearningPaths.Add(path);
        db.Publish(path.Enrolment(now));
        if (path.IsComplete)
        {
            db.Publish(path.Completion(now));
        }
    }
}

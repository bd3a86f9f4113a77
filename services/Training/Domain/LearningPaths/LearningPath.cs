using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.Catalog;

namespace HmisPlatform.Training.Domain.LearningPaths;

/// <summary>What a sweep changed on a path: the courses that expired, and whether the whole path is over.</summary>
public sealed record PathExpiry(IReadOnlyList<string> CourseCodes, bool WholePath);

/// <summary>
/// The courses one person must complete for one approved request, in order, with the Introduction gate. Completions
/// count for their course's validity; the path is watched until the person reaches step 4.
/// </summary>
public sealed partial class LearningPath
{
    public const string PrerequisiteNotMetReason = "PREREQUISITE_NOT_MET";
    public const string CourseNotInPathReason = "COURSE_NOT_IN_PATH";
    public const string PercentOutOfRangeReason = "PERCENT_OUT_OF_RANGE";
    public const string PathExpiredReason = "PATH_EXPIRED";
    public const string SourceTooLongReason = "SOURCE_TOO_LONG";
    public const string PathNotOpenReason = "PATH_NOT_OPEN";
    public const string ReadOnlyPathReason = "READ_ONLY_PATH_NOT_TAILORED";
    public const string CourseNotTailorableReason = "COURSE_NOT_TAILORABLE";
    public const string CourseRequiredReason = "COURSE_REQUIRED";
    public const string CourseCompleteReason = "COURSE_ALREADY_COMPLETE";
    public const string NothingToTailorReason = "NOTHING_TO_TAILOR";
    public const string TailoringReasonRequiredReason = "REASON_REQUIRED";

    private readonly List<PathCourse> _courses = [];
    private readonly List<ProgressReport> _reports = [];
    private readonly List<PathTailoring> _tailorings = [];

    /// <summary>The progress reports taken since the path was loaded, which the audit keeps (earlier ones are not loaded).</summary>
    public IReadOnlyList<ProgressReport> Reports => _reports;

    /// <summary>The tailorings made since the path was loaded, which the audit keeps.</summary>
    public IReadOnlyList<PathTailoring> Tailorings => _tailorings;

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public Guid AgencyId { get; private set; }

    public List<ProjectType> ProjectTypes { get; private set; } = [];

    public bool ReadOnly { get; private set; }

    /// <summary>The agency's email domains when the path was enrolled: the LMS account's email must be in one.</summary>
    public List<string> AgencyEmailDomains { get; private set; } = [];

    public DateTimeOffset EnrolledAt { get; private set; }

    /// <summary>The approval waived the Sample Client Assignment; passed on with the completion.</summary>
    public bool AssessmentWaived { get; private set; }

    /// <summary>The approval asked for no client data entry, so no assignment; passed on with the completion.</summary>
    public bool NoDataEntry { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>When the ATA is reminded if the path is not finished by then.</summary>
    public DateTimeOffset ReminderDueAt { get; private set; }

    public DateTimeOffset? ReminderSentAt { get; private set; }

    /// <summary>The earliest time a completion on this path stops counting; what the sweep looks for.</summary>
    public DateTimeOffset? NextExpiryAt { get; private set; }

    /// <summary>Introduction or Data Management expired: the path is over and the ATA must request again.</summary>
    public DateTimeOffset? ExpiredAt { get; private set; }

    /// <summary>The person reached step 4: recency no longer applies to this path.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyList<PathCourse> Courses => _courses;

    private LearningPath()
    {
    }

    /// <summary>
    /// Enrols the courses of the approved access. An earlier completion of a course that is still valid counts as
    /// done; the reminder falls due after the finishing window.
    /// </summary>
    public static LearningPath Enrol(
        Guid personId, Guid accessRequestId, Guid agencyId, IReadOnlyCollection<ProjectType> projectTypes, bool readOnly,
        IReadOnlyList<string> courseCodes, IReadOnlyCollection<PathCourse> earlierCompletions, IReadOnlyCollection<string> agencyEmailDomains, bool lmsEmailOk,
        TimeSpan finishWithin, DateTimeOffset now, bool assessmentWaived = false, bool noDataEntry = false)
    {
        var path = new LearningPath
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            AccessRequestId = accessRequestId,
            AgencyId = agencyId,
            ProjectTypes = [.. projectTypes],
            ReadOnly = readOnly,
            AgencyEmailDomains = [.. agencyEmailDomains],
            EnrolledAt = now,
            ReminderDueAt = now + finishWithin,
            AssessmentWaived = assessmentWaived,
            NoDataEntry = noDataEntry,
        };
        foreach (var (code, i) in courseCodes.Select((c, i) => (c, i)))
        {
            var course = new PathCourse(code, i + 1);
            if (earlierCompletions.Where(e => e.CourseCode == code && e.ValidUntil > now).MaxBy(e => e.ValidUntil) is { } earlier)
            {
                course.CarryOver(earlier.CompletedAt!.Value, earlier.ValidUntil!.Value);
            }
            path._courses.Add(course);
        }
        path.CompleteIfReady(lmsEmailOk, now);
        path.NextExpiryAt = path.EarliestValidUntil();
        return path;
    }

    public bool IsComplete => CompletedAt is not null;

    /// <summary>Whether the CE team trains part of it (Housing Resource Specialist or Housing System Navigator), and so may see it.</summary>
    public bool HasCeTrainedCourse => _courses.Any(c => CourseCatalog.Find(c.CourseCode).Kind == CourseKind.Role);

    /// <summary>Whether the course waits for Introduction to HMIS to be 100% complete.</summary>
    public bool IsRestricted(PathCourse course) =>
        CourseCatalog.Find(course.CourseCode).IsRestrictedUntilIntroduction
        && _courses.Any(c => CourseCatalog.Find(c.CourseCode).Kind == CourseKind.Prerequisite && !c.IsComplete);

    /// <summary>
    /// Records LMS progress, as reported by the LMS or the HMIS team (never the agency), and keeps the report with its
    /// reporter. Returns true when this report completed the whole path, which needs the person's LMS account to have
    /// an agency email (<paramref name="lmsEmailOk"/>).
    /// </summary>
    public bool RecordProgress(string courseCode, int percent, DateTimeOffset reportedAt, int validityMonths, bool lmsEmailOk, Caller reporter, string source,
        DateTimeOffset now, DateTimeOffset? completedAt = null)
    {
        reporter.EnsureReportsProgress(ceTrainedCourse: CourseCatalog.Courses.Any(c => c.Code == courseCode && c.Kind == CourseKind.Role));
        if (source.Length > ProgressReport.MaxSourceLength)
        {
            throw DomainException.Invalid(SourceTooLongReason, $"A source is at most {ProgressReport.MaxSourceLength} characters.",
                new FieldViolation("source", $"at most {ProgressReport.MaxSourceLength} characters", SourceTooLongReason));
        }
        if (percent is < 0 or > 100)
        {
            throw DomainException.Invalid(PercentOutOfRangeReason, "Progress is a percent from 0 to 100.",
                new FieldViolation("percent", "must be from 0 to 100", PercentOutOfRangeReason));
        }
        var course = _courses.SingleOrDefault(c => c.CourseCode == courseCode)
            ?? throw DomainException.Invalid(CourseNotInPathReason, "That course is not on this person's learning path.",
                new FieldViolation("course_code", "not on the learning path", CourseNotInPathReason));
        if (ExpiredAt is not null)
        {
            throw DomainException.Precondition(PathExpiredReason, "This learning path expired; the ATA must request access again.",
                new PreconditionViolation("LEARNING_PATH", $"learning-paths/{Id}", "expired"));
        }
        if (IsRestricted(course))
        {
            throw DomainException.Precondition(PrerequisiteNotMetReason, "This course is restricted until Introduction to HMIS is 100% complete.",
                [.. _courses.Where(c => CourseCatalog.Find(c.CourseCode).Kind == CourseKind.Prerequisite && !c.IsComplete)
                    .Select(c => new PreconditionViolation("COURSE", c.CourseCode, "must be 100% complete first"))]);
        }
        var at = reportedAt > now ? now : reportedAt;
        _reports.Add(new ProgressReport(Id, courseCode, percent, at, source, reporter.AsActor(), course.Advance(percent, at, validityMonths, completedAt), now));
        NextExpiryAt = EarliestValidUntil();
        return CompleteIfReady(lmsEmailOk, now);
    }

    /// <summary>
    /// Lets completions past their validity go. A project course is taken again; when Introduction or Data
    /// Management expires the whole path is over. Returns what changed, or null when nothing did.
    /// </summary>
    public PathExpiry? ExpireDue(DateTimeOffset now)
    {
        if (ClosedAt is not null || ExpiredAt is not null)
        {
            return null;
        }
        var due = _courses.Where(c => c.ValidUntil <= now).ToList();
        if (due.Count == 0)
        {
            return null;
        }
        due.ForEach(c => c.Expire(now));
        CompletedAt = null;
        var wholePath = due.Any(c => CourseCatalog.Find(c.CourseCode).IsFoundation);
        if (wholePath)
        {
            ExpiredAt = now;
        }
        NextExpiryAt = wholePath ? null : EarliestValidUntil();
        return new PathExpiry([.. due.Select(c => c.CourseCode)], wholePath);
    }

    /// <summary>
    /// The assignment showed the workflow was not understood: the project and role courses are taken again (their
    /// completions no longer count), and completing them completes the path again. Returns the reopened courses.
    /// </summary>
    public IReadOnlyList<string> ReopenProjectCourses(DateTimeOffset now)
    {
        if (ExpiredAt is not null || ClosedAt is not null)
        {
            return [];
        }
        var reopened = _courses.Where(c => CourseCatalog.Find(c.CourseCode).Kind is CourseKind.ProjectSpecific or CourseKind.Role && c.IsComplete).ToList();
        reopened.ForEach(c => c.Expire(now));
        if (reopened.Count > 0)
        {
            CompletedAt = null;
            NextExpiryAt = EarliestValidUntil();
        }
        return [.. reopened.Select(c => c.CourseCode)];
    }

    /// <summary>The courses left when the reminder falls due, once; none when it is not due or was sent.</summary>
    public IReadOnlyList<string> RemindIfDue(DateTimeOffset now)
    {
        if (ReminderSentAt is not null || IsComplete || ClosedAt is not null || ExpiredAt is not null || now < ReminderDueAt)
        {
            return [];
        }
        ReminderSentAt = now;
        return [.. _courses.Where(c => !c.IsComplete).OrderBy(c => c.Position).Select(c => c.CourseCode)];
    }

    /// <summary>When the learner was enrolled in the path's courses in the LMS; unset before (or in the built-in mode).</summary>
    public DateTimeOffset? LmsEnrolledAt { get; private set; }

    public void EnrolledInLms(DateTimeOffset now) => LmsEnrolledAt ??= now;

    /// <summary>Whether the LMS sync still has work on this path: enrolment, or progress to read.</summary>
    public bool IsOpen => ClosedAt is null && ExpiredAt is null && !IsComplete;

    /// <summary>The person reached step 4 (their account waits for the agreement): the path has done its work.</summary>
    public void Close(DateTimeOffset now)
    {
        ClosedAt ??= now;
        NextExpiryAt = null;
    }

    /// <summary>
    /// Completes the path when every course is complete and the LMS account's email is an agency one (a path held
    /// back by a personal email completes once the Help Desk changes it). Returns whether it completed now.
    /// </summary>
    public bool CompleteIfReady(bool lmsEmailOk, DateTimeOffset now)
    {
        if (IsComplete || !lmsEmailOk || ExpiredAt is not null || ClosedAt is not null || _courses.Count == 0 || !_courses.All(c => c.IsComplete))
        {
            return false;
        }
        CompletedAt = now;
        return true;
    }

    private DateTimeOffset? EarliestValidUntil() => ClosedAt is null ? _courses.Where(c => c.ValidUntil is not null).Min(c => c.ValidUntil) : null;
}

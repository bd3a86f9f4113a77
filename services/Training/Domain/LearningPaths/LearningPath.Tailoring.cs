using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.Catalog;

namespace HmisPlatform.Training.Domain.LearningPaths;

/// <summary>How the HMIS team fits a path to the person's role (docs/process.md, "Tailoring a path").</summary>
public sealed partial class LearningPath
{
    /// <summary>
    /// The HMIS team fits the course list to the person's new role, within the rules. It may add project or role
    /// courses, and omit a course the rules leave to choice: one of the Families / Singles housing courses (the user
    /// takes only the one that fits the population served), the other project courses where Housing Resource Specialist
    /// or Housing System Navigator training is taken instead of them, or a course added earlier. Introduction, Data
    /// Management and the Final Instructions stay, and so does every completed course. Only an open path, never a Read
    /// Only one, is tailored; the change is kept with its reason and who made it. Returns whether the path completed
    /// with it (the omitted course was the last one left).
    /// </summary>
    public bool Tailor(IReadOnlyList<string> add, IReadOnlyList<string> omit, string reason, Caller reviewer, bool lmsEmailOk, DateTimeOffset now)
    {
        reviewer.EnsureHmisTeam("tailors a learning path");
        var why = reason.Trim();
        if (why.Length is 0 or > PathTailoring.MaxReasonLength)
        {
            throw DomainException.Invalid(TailoringReasonRequiredReason, "Say why the course list changes.",
                new FieldViolation("reason", $"required, at most {PathTailoring.MaxReasonLength} characters", TailoringReasonRequiredReason));
        }
        if (add.Count == 0 && omit.Count == 0)
        {
            throw DomainException.Invalid(NothingToTailorReason, "Name a course to add or to omit.",
                new FieldViolation("add_courses", "add or omit at least one course", NothingToTailorReason));
        }
        if (!IsOpen)
        {
            throw DomainException.Precondition(PathNotOpenReason, "Only a path still in training is tailored.",
                new PreconditionViolation("LEARNING_PATH", $"learning-paths/{Id}", "complete, expired or closed"));
        }
        if (ReadOnly)
        {
            throw DomainException.Precondition(ReadOnlyPathReason, "Read Only users take the alternate Introduction alone.",
                new PreconditionViolation("LEARNING_PATH", $"learning-paths/{Id}", "read only"));
        }
        var violations = new List<FieldViolation>();
        var added = new List<string>();
        foreach (var (code, i) in add.Select((c, i) => (c, i)))
        {
            if (CourseCatalog.Courses.SingleOrDefault(c => c.Code == code) is not { Kind: CourseKind.ProjectSpecific or CourseKind.Role })
            {
                violations.Add(new FieldViolation($"add_courses[{i}]", "a project or role course of the catalog", CourseNotTailorableReason));
            }
            else if (_courses.All(c => c.CourseCode != code) && !added.Contains(code))
            {
                added.Add(code);
            }
        }
        var keeps = _courses.Select(c => c.CourseCode).Where(c => !omit.Contains(c)).Concat(added).ToHashSet();
        var required = ProjectTypes.SelectMany(CourseCatalog.CoursesFor).ToHashSet();
        foreach (var (code, i) in omit.Select((c, i) => (c, i)))
        {
            var course = _courses.SingleOrDefault(c => c.CourseCode == code);
            if (course is null)
            {
                violations.Add(new FieldViolation($"omit_courses[{i}]", "not on the learning path", CourseNotInPathReason));
            }
            else if (course.IsComplete)
            {
                violations.Add(new FieldViolation($"omit_courses[{i}]", "complete already", CourseCompleteReason));
            }
            else if (!MayOmit(code, required, keeps))
            {
                violations.Add(new FieldViolation($"omit_courses[{i}]", "required for the access approved", CourseRequiredReason));
            }
        }
        if (violations.Count > 0)
        {
            throw new DomainException(ErrorKind.InvalidArgument, violations[0].Reason ?? CourseNotTailorableReason, "Those courses cannot be added or omitted.") { FieldViolations = violations };
        }
        var omitted = omit.Distinct().ToList();
        if (added.Count == 0 && omitted.Count == 0)
        {
            throw DomainException.Invalid(NothingToTailorReason, "Those courses are on the learning path already.",
                new FieldViolation("add_courses", "already on the learning path", NothingToTailorReason));
        }
        _courses.RemoveAll(c => omitted.Contains(c.CourseCode));
        _courses.AddRange(added.Select(code => new PathCourse(code, 0)));
        var ordered = _courses.OrderBy(c => CourseCatalog.Find(c.CourseCode).Kind is CourseKind.Final ? 1 : 0).ThenBy(c => c.Position == 0 ? int.MaxValue : c.Position).ToList();
        foreach (var (course, i) in ordered.Select((c, i) => (c, i)))
        {
            course.MoveTo(i + 1);
        }
        _tailorings.Add(new PathTailoring(Id, added, omitted, why, reviewer.AsActor(), now));
        if (added.Count > 0)
        {
            // The LMS sync enrols the learner again; enrolment skips the courses they are in already.
            LmsEnrolledAt = null;
        }
        NextExpiryAt = EarliestValidUntil();
        return CompleteIfReady(lmsEmailOk, now);
    }

    /// <summary>
    /// Whether the rules leave a course to choice: one added beyond what the access requires; one of the two housing
    /// courses while the other stays; a project course while role training stays in its place.
    /// </summary>
    private static bool MayOmit(string code, IReadOnlySet<string> required, IReadOnlySet<string> keeps)
    {
        var course = CourseCatalog.Find(code);
        if (course.Kind is not (CourseKind.ProjectSpecific or CourseKind.Role))
        {
            return false;
        }
        if (!required.Contains(code))
        {
            return true;
        }
        return course.Kind == CourseKind.ProjectSpecific
            && (HousingCourses.Contains(code) && HousingCourses.Any(h => h != code && keeps.Contains(h))
                || keeps.Any(k => CourseCatalog.Find(k).Kind == CourseKind.Role));
    }

    private static readonly string[] HousingCourses = [CourseCatalog.CourseFor(ProjectType.HousingPshRrhFamilies), CourseCatalog.CourseFor(ProjectType.HousingPshRrhSingles)];
}

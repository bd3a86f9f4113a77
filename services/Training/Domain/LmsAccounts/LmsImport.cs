using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.Catalog;

namespace HmisPlatform.Training.Domain.LmsAccounts;

/// <summary>
/// The go-live import of people's LMS accounts and the courses they took before go-live (lms.csv). An account is
/// matched by e-mail and keeps its username (the LMS's, which the platform cannot change); a course is named by its
/// catalog code or title; progress is 0 to 100, and a completion has its day, not in the future. One person keeps one
/// active account: a second e-mail of theirs is recorded as a duplicate, as registration does.
/// </summary>
public sealed class LmsImport
{
    public const string UnknownCourseReason = "UNKNOWN_COURSE";
    public const string InvalidProgressReason = "INVALID_PROGRESS";
    public const string CompletionDateReason = "COMPLETED_ON_REQUIRED_AT_100";
    public const string UsernameDiffersReason = "LMS_USERNAME_DIFFERS";

    private readonly Dictionary<string, LmsAccount> _byEmail;
    private readonly Dictionary<string, LmsAccount> _byUsername;
    private readonly Dictionary<Guid, LmsAccount> _activeByPerson;
    private readonly Dictionary<(Guid, string), ImportedCourseRecord> _records;
    private readonly HashSet<(string, string)> _rowsInFile = [];
    private readonly IReadOnlyList<Course> _courses;
    private readonly DateTimeOffset _now;

    public LmsImport(IEnumerable<LmsAccount> accounts, IEnumerable<ImportedCourseRecord> records, IReadOnlyList<Course> courses, DateTimeOffset now)
    {
        var known = accounts.ToList();
        _byEmail = known.ToDictionary(a => a.Email, StringComparer.Ordinal);
        _byUsername = known.ToDictionary(a => a.Username, StringComparer.Ordinal);
        _activeByPerson = known.Where(a => a.Status == LmsAccountStatus.Active).ToDictionary(a => a.PersonId);
        _records = records.ToDictionary(r => (r.LmsAccountId, r.CourseCode));
        (_courses, _now) = (courses, now);
    }

    public List<LmsAccount> NewAccounts { get; } = [];

    public List<ImportedCourseRecord> NewRecords { get; } = [];

    public ImportRowOutcome Record(int line, string email, string lmsUsername, string course, int progressPercent, string completedOn, Guid? personId) =>
        ImportBatch.Row(line, () =>
        {
            var problems = new RowProblems();
            var address = problems.Try(() => EmailAddress.Parse(email, "email"));
            var username = problems.Try(() => LmsUsername.Parse(lmsUsername, "lms_username"));
            var found = _courses.FirstOrDefault(c => string.Equals(c.Code, course.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? _courses.FirstOrDefault(c => string.Equals(c.Title, course.Trim(), StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                problems.Add(new FieldViolation("course", "not a course code or title of the catalog", UnknownCourseReason));
            }
            if (progressPercent is < 0 or > 100)
            {
                problems.Add(new FieldViolation("progress_percent", "0 to 100", InvalidProgressReason));
            }
            var completed = problems.Try(() => ImportBatch.PastDate(completedOn, "completed_on", Continuum.DateOf(_now)));
            problems.Check((progressPercent == 100) == (completed is not null) || problems.Names("completed_on"),
                "completed_on", "the day it was completed at 100, and only then", CompletionDateReason);
            problems.ThrowIfAny();
            if (!_rowsInFile.Add((address!.Value, found!.Code)))
            {
                throw DomainException.Invalid(ImportBatch.DuplicateInFileReason, "The file names this course for this account twice.",
                    new FieldViolation("course", "named for this e-mail on an earlier line", ImportBatch.DuplicateInFileReason));
            }
            var account = AccountFor(address, username!, personId, out var isNewAccount);
            if (!_records.TryGetValue((account.Id, found.Code), out var record))
            {
                record = new ImportedCourseRecord(account.Id, account.PersonId, found.Code, _now);
                _records[(account.Id, found.Code)] = record;
                NewRecords.Add(record);
                record.Take(progressPercent, completed);
                return ImportRowOutcome.Made(line, account.Id, isNew: true, changed: true);
            }
            var changed = record.Take(progressPercent, completed);
            return ImportRowOutcome.Made(line, account.Id, isNew: isNewAccount, changed);
        });

    private LmsAccount AccountFor(EmailAddress email, string username, Guid? personId, out bool isNew)
    {
        if (_byEmail.TryGetValue(email.Value, out var existing))
        {
            isNew = false;
            return existing.Username == username ? existing
                : throw DomainException.Invalid(UsernameDiffersReason, "The LMS account of this e-mail has another username.",
                    new FieldViolation("lms_username", "the account of this e-mail has another username", UsernameDiffersReason));
        }
        if (_byUsername.ContainsKey(username))
        {
            throw new DomainException(ErrorKind.AlreadyExists, LmsAccount.UsernameTakenReason, "That LMS username is another e-mail's.")
            {
                FieldViolations = [new FieldViolation("lms_username", "another e-mail's account has it", LmsAccount.UsernameTakenReason)],
            };
        }
        var person = personId ?? Guid.CreateVersion7(_now);
        var account = LmsAccount.Register(person, email, username, _activeByPerson.GetValueOrDefault(person), emailTaken: false, usernameTaken: false, [], _now);
        NewAccounts.Add(account);
        (_byEmail[account.Email], _byUsername[account.Username]) = (account, account);
        _activeByPerson.TryAdd(person, account);
        isNew = true;
        return account;
    }
}

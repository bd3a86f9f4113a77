using System.Globalization;
using System.Text;
using Bogus;

namespace HmisPlatform.EndToEnd.Tests.Import;

/// <summary>
/// A Continuum as it stands on go-live day, made up with Bogus from a seed: agencies with their domains, APA and
/// projects, an ATA and a Supervisor each, users with HMIS accounts (active and removed, last logins over the past
/// months), and their LMS records, written as the import's four CSV files.
/// </summary>
public sealed class GeneratedContinuum
{
    private static readonly string[] ProjectTypes =
        ["EMERGENCY_SHELTER", "DROP_IN_DAY_SHELTER", "EMPLOYMENT_AND_INCOME", "HOUSING_PSH_RRH_FAMILIES", "HOUSING_PSH_RRH_SINGLES", "OUTREACH_PATH", "SERVICES_ONLY", "SSVF"];

    private static readonly string[] Responsibilities = ["ENTER_CLIENT_DATA", "RECEIVE_REFERRALS", "REPORTING"];

    public sealed record Agency(string Name, string Domain, DateOnly ApaStart, IReadOnlyList<string> ProjectTypes, int Credits);

    public sealed record User(string GivenName, string FamilyName, string Email, Agency Agency, string Username, bool Active, DateOnly LastLogin,
        IReadOnlyList<string> ProjectTypes, DateOnly AgreementSignedOn);

    public List<Agency> Agencies { get; } = [];

    public List<User> Users { get; } = [];

    /// <param name="domainStem">Agency i's e-mail domain is {domainStem}{i}.example.org: each Continuum of a test run its own.</param>
    public GeneratedContinuum(int agencies, int users, DateOnly today, int seed = 2026, string domainStem = "agency")
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        for (var i = 0; i < agencies; i++)
        {
            var name = $"{faker.Company.CompanyName().Replace(",", "", StringComparison.Ordinal)} {faker.PickRandom("Services", "Shelter", "Housing", "Outreach", "Center")} {i + 1}";
            Agencies.Add(new Agency(name, $"{domainStem}{i + 1}.example.org", today.AddDays(-faker.Random.Int(60, 900)),
                [.. faker.PickRandom(ProjectTypes, faker.Random.Int(1, 3)).Distinct()], faker.Random.Int(0, 60)));
        }
        var usernames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < users; i++)
        {
            var agency = Agencies[i % Agencies.Count];
            var (given, family) = (faker.Name.FirstName(), faker.Name.LastName());
            var baseName = Letters(given)[..1] + Letters(family);
            var username = baseName;
            for (var n = 2; !usernames.Add(username); n++)
            {
                username = $"{baseName}{n}";
            }
            var lastLogin = today.AddDays(-faker.Random.Int(1, 150));
            Users.Add(new User(given, family, $"{username}@{agency.Domain}", agency, username, faker.Random.Bool(0.9f), lastLogin,
                [faker.PickRandom(agency.ProjectTypes.ToArray())], lastLogin.AddDays(-faker.Random.Int(30, 400))));
        }
    }

    /// <summary>Writes agencies.csv, administrators.csv, users.csv and lms.csv into the folder.</summary>
    public void WriteTo(string folder, IEnumerable<string>? extraUserRows = null)
    {
        Write(folder, "agencies.csv", "agency_name,email_domains,apa_start,apa_end,project_types,license_credits",
            Agencies.Select(a => Csv(a.Name, a.Domain, Day(a.ApaStart), "", string.Join(';', a.ProjectTypes), a.Credits.ToString(CultureInfo.InvariantCulture))));
        Write(folder, "administrators.csv", "agency_name,role,given_name,family_name,email,ata_training_completed_on",
            Agencies.SelectMany((a, i) => new[]
            {
                Csv(a.Name, "ATA", "Ata", $"Number{i + 1}", $"ata@{a.Domain}", i % 10 == 0 ? "" : "2025-12-15"),
                Csv(a.Name, "SUPERVISOR", "Supervisor", $"Number{i + 1}", $"supervisor@{a.Domain}", ""),
            }));
        Write(folder, "users.csv", "given_name,family_name,email,agency_name,hmis_username,status,last_login_on,project_types,responsibilities,eua_signed_on",
            Users.Select((u, i) => Csv(u.GivenName, u.FamilyName, u.Email, u.Agency.Name, u.Username, u.Active ? "ACTIVE" : "REMOVED", Day(u.LastLogin),
                string.Join(';', u.ProjectTypes), Responsibilities[i % Responsibilities.Length], Day(u.AgreementSignedOn))).Concat(extraUserRows ?? []));
        Write(folder, "lms.csv", "email,lms_username,course,progress_percent,completed_on",
            Users.SelectMany(u => new[]
            {
                Csv(u.Email, u.Username, "INTRO_HMIS", "100", Day(u.AgreementSignedOn.AddDays(-20))),
                Csv(u.Email, u.Username, "Data Management", "100", Day(u.AgreementSignedOn.AddDays(-15))),
            }));
    }

    public static string Csv(params string[] fields) =>
        string.Join(',', fields.Select(f => f.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Write(string folder, string file, string header, IEnumerable<string> rows) =>
        File.WriteAllLines(Path.Combine(folder, file), [header, .. rows], new UTF8Encoding(false));

    private static string Letters(string name)
    {
        var letters = new string(name.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());
        return letters.Length > 0 ? letters[..Math.Min(letters.Length, 16)] : "x";
    }
}

namespace HmisPlatform.Gateway.Domain;

/// <summary>What each scope lets a system do, in the words a person reads before they consent.</summary>
public static class ScopeWords
{
    public static string Of(string scope) => scope switch
    {
        PlatformIdentity.RequestsRead => "see access requests and journeys",
        PlatformIdentity.RequestsWrite => "submit and withdraw access requests",
        PlatformIdentity.TrainingRead => "see your learning path and progress",
        PlatformIdentity.TrainingWrite => "register your LMS account",
        PlatformIdentity.AssessmentRead => "see your Sample Client Assignment",
        PlatformIdentity.AssessmentWrite => "submit your Sample Client Assignment as you",
        PlatformIdentity.CredentialsRead => "see your HMIS accounts",
        PlatformIdentity.CredentialsWrite => "sign your End User Agreement as you",
        PlatformIdentity.NotificationsRead => "read your notifications",
        PlatformIdentity.DataImport => "import the Continuum's agencies, accounts and training records",
        _ => scope,
    };
}

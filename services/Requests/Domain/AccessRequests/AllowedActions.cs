namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// The decisions and answers a request takes now (<see cref="AccessRequest.Allowed"/>). Who may take each is the
/// caller's role; the request checks both whenever one is taken.
/// </summary>
public sealed record AllowedActions(IReadOnlyList<ReviewOutcome> ReviewOutcomes, bool CeDecision, bool ProvideInformation, bool Withdraw, bool ValidateNewHire);

using System.Collections.Concurrent;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.People;

namespace HmisPlatform.Requests.Tests.Api;

/// <summary>
/// The Credentialing service as the Requests service sees it, for these tests: people's accounts as a test states
/// them, and each agency's credits. (The real one, through its gRPC contract, runs in the end-to-end tests.)
/// </summary>
public sealed class FakeCredentialing : IAccountDirectory, ILicenseCredits
{
    private readonly ConcurrentDictionary<string, PersonHistory> _byEmail = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, int> _available = new();
    private readonly ConcurrentDictionary<Guid, (Guid AccessRequestId, int People)> _reservations = new();

    public void Knows(string email, PersonHistory history) => _byEmail[email] = history;

    public void SetCredits(Guid agencyId, int available) => _available[agencyId] = available;

    public int Available(Guid agencyId) => _available.GetValueOrDefault(agencyId, int.MaxValue);

    public int ReservationsFor(Guid accessRequestId) => _reservations.Values.Where(r => r.AccessRequestId == accessRequestId).Sum(r => r.People);

    private readonly ConcurrentDictionary<string, int> _lookUps = new(StringComparer.Ordinal);

    /// <summary>How often the service asked about the e-mail.</summary>
    public int LookUpsOf(string email) => _lookUps.GetValueOrDefault(email);

    public Task<PersonHistory> FindAsync(string? email, string? hmisUsername, CancellationToken cancellationToken)
    {
        if (email is not null)
        {
            _lookUps.AddOrUpdate(email, 1, (_, n) => n + 1);
        }
        return Task.FromResult(email is not null && _byEmail.TryGetValue(email, out var history) ? history : PersonHistory.None);
    }

    /// <summary>Runs at each reservation, before it is made: what a test checks about the moment of the call.</summary>
    public Func<Guid, Task>? WhileReserving { get; set; }

    public async Task ReserveAsync(Guid idempotencyKey, Guid agencyId, Guid accessRequestId, IReadOnlyList<Guid> personIds, CancellationToken cancellationToken)
    {
        if (WhileReserving is { } check)
        {
            await check(accessRequestId);
        }
        Reserve(idempotencyKey, agencyId, accessRequestId, personIds);
    }

    private void Reserve(Guid idempotencyKey, Guid agencyId, Guid accessRequestId, IReadOnlyList<Guid> personIds)
    {
        lock (_reservations)
        {
            if (_reservations.ContainsKey(idempotencyKey))
            {
                return;
            }
            var available = Available(agencyId);
            if (available < personIds.Count)
            {
                throw DomainException.Exhausted("LICENSE_CREDITS_EXHAUSTED", "Not enough credits.", new QuotaViolation($"agencies/{agencyId}", "license credits"));
            }
            if (available != int.MaxValue)
            {
                _available[agencyId] = available - personIds.Count;
            }
            _reservations[idempotencyKey] = (accessRequestId, personIds.Count);
        }
    }
}

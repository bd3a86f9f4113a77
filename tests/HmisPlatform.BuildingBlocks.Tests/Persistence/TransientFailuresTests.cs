using System.Net.Sockets;
using HmisPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StackExchange.Redis;

namespace HmisPlatform.BuildingBlocks.Tests.Persistence;

public sealed class TransientFailuresTests
{
    public static TheoryData<string> OutageStates => [PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CannotConnectNow, "08006", PostgresErrorCodes.TooManyConnections,
        PostgresErrorCodes.SerializationFailure, PostgresErrorCodes.DeadlockDetected];

    [Theory]
    [MemberData(nameof(OutageStates))]
    public void APostgresOutageOrLostRace_IsTransient_AlsoInsideEfCoresException(string sqlState)
    {
        var outage = new PostgresException("outage", "FATAL", "FATAL", sqlState);

        Assert.True(TransientFailures.IsTransient(outage));
        Assert.True(TransientFailures.IsTransient(new DbUpdateException("save failed", outage)));
    }

    [Fact]
    public void LostConnections_AreTransient()
    {
        Assert.True(TransientFailures.IsTransient(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
#pragma warning disable CS0618 // The overload StackExchange.Redis prefers takes its internal CommandFlags; this is the one a test can make.
        Assert.True(TransientFailures.IsTransient(new RedisConnectionException(ConnectionFailureType.SocketFailure, "down", null, CommandStatus.Unknown)));
#pragma warning restore CS0618
        Assert.True(TransientFailures.IsTransient(new InvalidOperationException("wrapped", new SocketException((int)SocketError.ConnectionRefused))));
    }

    [Fact]
    public void RuleAndDataErrors_AreNot()
    {
        Assert.False(TransientFailures.IsTransient(new PostgresException("duplicate", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(TransientFailures.IsTransient(new DbUpdateConcurrencyException("lost race on a row version")));
        Assert.False(TransientFailures.IsTransient(new InvalidOperationException("a bug")));
    }
}

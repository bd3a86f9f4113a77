using System.Text.Json;
using HmisPlatform.Assessment.Domain.Records;

namespace HmisPlatform.Assessment.Infrastructure;

/// <summary>An entered record as it is stored with its attempt (jsonb): whole, so staff can go through it with the trainee.</summary>
public static class RecordJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(ClientRecord? record) => JsonSerializer.Serialize(record, Options);

    public static ClientRecord? Read(string json) => JsonSerializer.Deserialize<ClientRecord>(json, Options);
}

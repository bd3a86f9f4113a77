using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Grpc;

/// <summary>
/// Every text field of every request, at any depth, is plain text (<see cref="PlainText"/>): a request holding a
/// control character is refused before any handler sees it, with each offending field named.
/// </summary>
public sealed class PlainTextInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message)
        {
            var violations = new List<FieldViolation>();
            Check(message, "", violations);
            if (violations.Count > 0)
            {
                throw DomainException.Invalid(PlainText.ControlCharactersReason, "Text may not hold control characters.", [.. violations]);
            }
        }
        return continuation(request, context);
    }

    /// <summary>Walks the message's fields (nested messages, lists and maps), naming each bad one by its path.</summary>
    public static void Check(IMessage message, string prefix, List<FieldViolation> violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)value)
                {
                    CheckValue(field.MessageType.FindFieldByNumber(2), entry.Value, $"{path}[{entry.Key}]", violations);
                }
            }
            else if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (System.Collections.IEnumerable)value)
                {
                    CheckValue(field, item, $"{path}[{i++}]", violations);
                }
            }
            else
            {
                CheckValue(field, value, path, violations);
            }
        }
    }

    private static void CheckValue(FieldDescriptor field, object? value, string path, List<FieldViolation> violations)
    {
        switch (field.FieldType)
        {
            case FieldType.String when value is string text && PlainText.HasControlCharacters(text):
                violations.Add(new FieldViolation(path, "plain text, without control characters", PlainText.ControlCharactersReason));
                break;
            case FieldType.Message when value is IMessage nested:
                Check(nested, path + ".", violations);
                break;
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;
using TradeGrid.Domain;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// Checks a JSON request body against the request message's descriptor before JSON transcoding reads it. The
/// transcoder follows the proto3 JSON mapping's lenient default: it drops a field it does not know (so a misspelled
/// <c>fixedEffect</c> fits without fixed effects) and reports a bad enum or number with a .NET type name or "Request
/// JSON payload is not correctly formatted.". Here every field must exist (by its JSON or proto name), every enum
/// value must be one of the enum's names or numbers (the message lists them) and every number must fit its field;
/// the message names the field by its path (<c>spec.regressors[1].indicator</c>). What the mapping accepts is accepted.
/// </summary>
public static class JsonMessageValidator
{
    private const int ListedFields = 40;

    public static void Validate(JsonElement body, MessageDescriptor message)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidSpecException($"body: expected a JSON object ({message.Name}), got {Describe(body)}");
        }
        ValidateMessage(body, message, string.Empty);
    }

    private static void ValidateMessage(JsonElement element, MessageDescriptor message, string path)
    {
        if (IsWellKnown(message))
        {
            return; // Timestamp, Duration, wrappers... have JSON forms of their own that the transcoder checks.
        }
        var seen = new HashSet<int>();
        var oneofs = new Dictionary<OneofDescriptor, string>();
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string fieldPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            FieldDescriptor? field = Find(message, property.Name)
                ?? throw new InvalidSpecException($"{Quoted(fieldPath)}: unknown field{Suggestion(message, property.Name)}; {message.Name} has {FieldList(message)}");
            if (!seen.Add(field.FieldNumber))
            {
                throw new InvalidSpecException($"{Quoted(fieldPath)}: {field.JsonName} is given twice (as {field.JsonName} and {field.Name}); give it once");
            }
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue; // null is the field's default
            }
            if (field.RealContainingOneof is { } oneof)
            {
                if (oneofs.TryGetValue(oneof, out string? other))
                {
                    throw new InvalidSpecException($"{Quoted(fieldPath)}: {other} is given too, and only one of {string.Join(", ", oneof.Fields.Select(f => f.JsonName))} may be set");
                }
                oneofs[oneof] = field.JsonName;
            }
            ValidateField(property.Value, field, fieldPath);
        }
    }

    private static void ValidateField(JsonElement value, FieldDescriptor field, string path)
    {
        if (field.IsMap)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidSpecException($"{Quoted(path)}: expected a JSON object (a map), got {Describe(value)}");
            }
            FieldDescriptor keyField = field.MessageType.FindFieldByNumber(1);
            FieldDescriptor valueField = field.MessageType.FindFieldByNumber(2);
            foreach (JsonProperty entry in value.EnumerateObject())
            {
                string entryPath = $"{path}[{InputQuote.Quote(entry.Name)}]";
                if (keyField.FieldType != FieldType.String)
                {
                    ValidateScalarText(entry.Name, keyField, entryPath);
                }
                ValidateSingle(entry.Value, valueField, entryPath);
            }
            return;
        }
        if (field.IsRepeated)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidSpecException($"{Quoted(path)}: expected a JSON array, got {Describe(value)}; e.g. \"{field.JsonName}\": [...]");
            }
            int i = 0;
            foreach (JsonElement item in value.EnumerateArray())
            {
                ValidateSingle(item, field, $"{path}[{i++}]");
            }
            return;
        }
        ValidateSingle(value, field, path);
    }

    private static void ValidateSingle(JsonElement value, FieldDescriptor field, string path)
    {
        switch (field.FieldType)
        {
            case FieldType.Message or FieldType.Group:
                if (IsWellKnown(field.MessageType))
                {
                    return;
                }
                if (value.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidSpecException($"{Quoted(path)}: expected a JSON object ({field.MessageType.Name}), got {Describe(value)}");
                }
                ValidateMessage(value, field.MessageType, path);
                return;
            case FieldType.Enum:
                ValidateEnum(value, field.EnumType, path);
                return;
            case FieldType.String:
                Expect(value, JsonValueKind.String, "a string", path);
                return;
            case FieldType.Bool:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new InvalidSpecException($"{Quoted(path)}: expected true or false, got {Describe(value)}");
                }
                return;
            case FieldType.Bytes:
                Expect(value, JsonValueKind.String, "a base64 string", path);
                if (!IsBase64(value.GetString()!))
                {
                    throw new InvalidSpecException($"{Quoted(path)}: expected base64 (standard or URL-safe), got {Describe(value)}");
                }
                return;
            default:
                if (value.ValueKind == JsonValueKind.Number)
                {
                    ValidateScalarText(value.GetRawText(), field, path);
                }
                else if (value.ValueKind == JsonValueKind.String)
                {
                    ValidateScalarText(value.GetString()!, field, path);
                }
                else
                {
                    throw new InvalidSpecException($"{Quoted(path)}: expected {NumberKind(field)}, got {Describe(value)}");
                }
                return;
        }
    }

    /// <summary>A number as JSON text or a quoted string (the mapping allows both, and map keys are always strings).</summary>
    private static void ValidateScalarText(string text, FieldDescriptor field, string path)
    {
        bool ok = field.FieldType switch
        {
            FieldType.Double => IsDouble(text, out _),
            FieldType.Float => IsDouble(text, out double d) && (!double.IsFinite(d) || Math.Abs(d) <= float.MaxValue),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => IsIntegral(text, int.MinValue, int.MaxValue),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => IsIntegral(text, long.MinValue, long.MaxValue),
            FieldType.UInt32 or FieldType.Fixed32 => IsIntegral(text, 0, uint.MaxValue),
            FieldType.UInt64 or FieldType.Fixed64 => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal u) && u >= 0 && u <= ulong.MaxValue && u == decimal.Truncate(u),
            FieldType.Bool => text is "true" or "false",
            _ => true,
        };
        if (!ok)
        {
            throw new InvalidSpecException($"{Quoted(path)}: {InputQuote.Quote(text)} is not {NumberKind(field)}");
        }
    }

    private static void ValidateEnum(JsonElement value, EnumDescriptor type, string path)
    {
        if (value.ValueKind == JsonValueKind.String && type.FindValueByName(value.GetString()!) is not null)
        {
            return;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && type.FindValueByNumber(number) is not null)
        {
            return;
        }
        string given = value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? InputQuote.Quote(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : Describe(value);
        throw new InvalidSpecException($"{Quoted(path)}: {given} is not a value of {type.Name}; use one of {string.Join(", ", type.Values.Select(v => v.Name))}");
    }

    /// <summary>A query-string value for a scalar or enum field (repeated fields take one value per occurrence).</summary>
    public static void ValidateQueryValue(string text, FieldDescriptor field, string path)
    {
        switch (field.FieldType)
        {
            case FieldType.Message or FieldType.Group:
                throw new InvalidSpecException($"{Quoted(path)}: a message cannot be given in the query string; name one of its fields, e.g. {path}.{field.MessageType.Fields.InDeclarationOrder().FirstOrDefault()?.JsonName}");
            case FieldType.Enum:
                if (field.EnumType.FindValueByName(text) is null
                    && !(int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) && field.EnumType.FindValueByNumber(number) is not null))
                {
                    throw new InvalidSpecException($"{Quoted(path)}: {InputQuote.Quote(text)} is not a value of {field.EnumType.Name}; use one of {string.Join(", ", field.EnumType.Values.Select(v => v.Name))}");
                }
                return;
            case FieldType.Bool:
                if (!bool.TryParse(text, out _))
                {
                    throw new InvalidSpecException($"{Quoted(path)}: {InputQuote.Quote(text)} is not true or false");
                }
                return;
            case FieldType.String or FieldType.Bytes:
                return;
            default:
                ValidateScalarText(text, field, path);
                return;
        }
    }

    /// <summary>Where a <see cref="FieldDescriptor"/> names a field in JSON: its lowerCamel JSON name or its proto name.</summary>
    public static FieldDescriptor? Find(MessageDescriptor message, string name) =>
        message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name) ?? message.FindFieldByName(name);

    private static string Suggestion(MessageDescriptor message, string name)
    {
        FieldDescriptor? best = message.Fields.InDeclarationOrder()
            .Select(f => (Field: f, Distance: Math.Min(Distance(f.JsonName, name), Distance(f.Name, name))))
            .Where(c => c.Distance <= Math.Max(2, name.Length / 4))
            .OrderBy(c => c.Distance)
            .Select(c => c.Field)
            .FirstOrDefault();
        return best is null ? string.Empty : $" (did you mean {best.JsonName}?)";
    }

    private static string FieldList(MessageDescriptor message)
    {
        string[] names = message.Fields.InDeclarationOrder().Select(f => f.JsonName).ToArray();
        return names.Length == 0 ? "no fields; send {}"
            : "fields " + string.Join(", ", names.Take(ListedFields)) + (names.Length > ListedFields ? ", ..." : string.Empty);
    }

    /// <summary>Case-insensitive edit distance (a misspelling's case is as likely wrong as its letters).</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 8)
        {
            return int.MaxValue;
        }
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        int[] current = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int same = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + same);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static void Expect(JsonElement value, JsonValueKind kind, string what, string path)
    {
        if (value.ValueKind != kind)
        {
            throw new InvalidSpecException($"{Quoted(path)}: expected {what}, got {Describe(value)}");
        }
    }

    private static bool IsDouble(string text, out double value)
    {
        if (text is "NaN" or "Infinity" or "-Infinity")
        {
            value = double.NaN;
            return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static bool IsIntegral(string text, decimal min, decimal max) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && d == decimal.Truncate(d) && d >= min && d <= max;

    private static bool IsBase64(string text)
    {
        string standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        return Convert.TryFromBase64String(standard, new byte[standard.Length], out _);
    }

    private static string NumberKind(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double or FieldType.Float => "a number",
        FieldType.UInt32 or FieldType.Fixed32 or FieldType.UInt64 or FieldType.Fixed64 => "a whole number ≥ 0 that fits " + field.FieldType.ToString().ToLowerInvariant(),
        FieldType.Bool => "true or false",
        _ => "a whole number that fits " + (field.FieldType is FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 ? "int64" : "int32"),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the string " + InputQuote.Quote(value.GetString()),
        JsonValueKind.Number => "the number " + InputQuote.Quote(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    /// <summary>A path made of the caller's own property names is user input too: cut like any other.</summary>
    private static string Quoted(string path) => path.Length <= InputQuote.MaxChars ? path : InputQuote.Quote(path);

    private static bool IsWellKnown(MessageDescriptor message) => message.File.Package == "google.protobuf";
}

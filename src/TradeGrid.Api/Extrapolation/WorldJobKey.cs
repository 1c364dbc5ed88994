using System.Security.Cryptography;
using Google.Protobuf;
using TradeGrid.Api.V1;
using TradeGrid.Domain;

namespace TradeGrid.Api.Extrapolation;

/// <summary>A world call's job id (from its request_id, or new) and the fingerprint two calls under one id must share.</summary>
public static class WorldJobKey
{
    public const int MaxLength = 64;

    /// <summary>"r-" and the request_id when given (checked: at most 64 letters, digits, '-', '_', '.'), else a new id.</summary>
    public static string JobId(string requestId)
    {
        if (requestId.Length == 0)
        {
            return Guid.NewGuid().ToString("N");
        }

        if (requestId.Length > MaxLength || !requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new InvalidSpecException(
                $"request_id {InputQuote.Quote(requestId)}: use at most {MaxLength} letters, digits, '-', '_' or '.' (e.g. a UUID)");
        }

        return "r-" + requestId;
    }

    /// <summary>SHA-256 of the request as sent, request_id left out: the same fields give the same fingerprint.</summary>
    public static string Fingerprint(EstimateWorldRequest request)
    {
        EstimateWorldRequest fields = request.Clone();
        fields.RequestId = string.Empty;
        return Convert.ToHexString(SHA256.HashData(fields.ToByteArray()));
    }
}

using System.Buffers;
using System.Text.Json;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>
/// Reads one JSON document from a stream a token or a value at a time. <see cref="Utf8JsonReader"/> reads only from
/// memory, so this keeps a buffer of the unread part and refills it; the buffer grows only to hold the largest single
/// value asked for whole (in a backup: one post with its comments), never the whole document.
/// </summary>
public sealed class JsonStreamReader(Stream stream, JsonSerializerOptions options) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start, _end;
    private bool _final;
    private JsonReaderState _state;
    private string? _string;
    private int? _int;

    public JsonTokenType TokenType { get; private set; }
    /// <summary>The depth of the token last read: 0 for the document's own object, 1 for its properties.</summary>
    public int Depth { get; private set; }
    /// <summary>The property name or string last read.</summary>
    public string? String => _string;
    /// <summary>The number last read, when it is a whole number that fits.</summary>
    public int? Int32 => _int;

    /// <summary>Reads the next token; false at the end of the document.</summary>
    /// <exception cref="JsonException">The JSON is malformed or ends too early.</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            if (TryReadToken()) return true;
            if (_final) return false;
            await FillAsync(ct);
        }
    }

    /// <summary>Reads the next value whole (an object with everything inside it) and deserializes it.</summary>
    public async ValueTask<T?> DeserializeAsync<T>(CancellationToken ct)
    {
        while (!_final && !HasWholeValue()) await FillAsync(ct);
        return DeserializeBuffered<T>();
    }

    /// <summary>The next element of the array being read; false after its last element (its end is then read).</summary>
    public async ValueTask<(bool More, T? Item)> NextItemAsync<T>(CancellationToken ct)
    {
        while (true)
        {
            var next = PeekToken();
            if (next == JsonTokenType.EndArray)
            {
                TryReadToken();
                return (false, default);
            }
            if (next != JsonTokenType.None) return (true, await DeserializeAsync<T>(ct));
            if (_final) throw new JsonException("The file ends inside a list.");
            await FillAsync(ct);
        }
    }

    /// <summary>Skips the value of the property just read, token by token, so a large one is never held whole.</summary>
    public async ValueTask SkipValueAsync(CancellationToken ct)
    {
        if (!await ReadAsync(ct)) throw new JsonException("The file ends after a property name.");
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = Depth;
        while (await ReadAsync(ct))
            if (Depth == depth && TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) return;
        throw new JsonException("The file ends inside a value.");
    }

    private bool TryReadToken()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        if (!reader.Read()) return false;
        TokenType = reader.TokenType;
        Depth = reader.CurrentDepth;
        _string = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
        _int = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
        Consumed(ref reader);
        return true;
    }

    private JsonTokenType PeekToken()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        return reader.Read() ? reader.TokenType : JsonTokenType.None;
    }

    private bool HasWholeValue()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        return reader.Read() && reader.TrySkip();
    }

    private T? DeserializeBuffered<T>()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        // On the value's first token: a reader made from the state still stands on the token before (a property name,
        // the start of the array, the end of the previous element), which the serializer would try to read instead.
        reader.Read();
        var value = JsonSerializer.Deserialize<T>(ref reader, options);
        TokenType = reader.TokenType;
        Depth = reader.CurrentDepth;
        Consumed(ref reader);
        return value;
    }

    private void Consumed(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            // One value is larger than the buffer: it has to be in memory whole to be deserialized.
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
        if (read == 0) _final = true;
        else _end += read;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}

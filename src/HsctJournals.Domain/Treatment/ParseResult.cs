using System.Diagnostics.CodeAnalysis;

namespace HsctJournals.Domain.Treatment;

/// <summary>
/// The outcome of checking user input: either a value, or a human-readable reason why the input
/// was refused. Rules in this namespace return this instead of throwing for bad input.
/// </summary>
/// <typeparam name="T">The type of the accepted value.</typeparam>
public sealed class ParseResult<T>
{
    private readonly T? _value;

    private ParseResult(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>True when the input was accepted and <see cref="Value"/> holds it.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>Why the input was refused, written for the person who typed it; null on success.</summary>
    public string? Error { get; }

    /// <summary>The accepted value. Reading it from a failed result is a programming error.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"No value: the input was refused ({Error}).");

    /// <summary>Creates an accepted result.</summary>
    public static ParseResult<T> Success(T value) => new(value, null);

    /// <summary>Creates a refused result with a reason for the user.</summary>
    public static ParseResult<T> Failure(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new ParseResult<T>(default, error);
    }

    /// <summary>Gets the value when the input was accepted.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSuccess;
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success: {_value}" : $"Failure: {Error}";
}

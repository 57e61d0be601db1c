namespace HsctJournals.Domain.Comments;

/// <summary>
/// Finds held or blocked words in text: case-insensitive (ordinal), whole words only, so "ass"
/// does not match "class" or "assessment". An entry may be a phrase ("buy now") or contain
/// punctuation ("casino.example"); only its ends must sit on word boundaries.
/// </summary>
public static class WordList
{
    /// <summary>The first entry of <paramref name="words"/> found in <paramref name="text"/>, or <see langword="null"/>.</summary>
    public static string? FindFirst(string? text, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var entry in words)
        {
            var word = entry?.Trim();
            if (!string.IsNullOrEmpty(word) && ContainsWord(text, word))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="word"/> occurs in <paramref name="text"/> as a whole word.</summary>
    public static bool ContainsWord(string text, string word)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(word);
        var from = 0;
        while (from <= text.Length - word.Length)
        {
            var index = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            var end = index + word.Length;
            var startsWord = index == 0 || !IsWordChar(text[index - 1]) || !IsWordChar(word[0]);
            var endsWord = end == text.Length || !IsWordChar(text[end]) || !IsWordChar(word[^1]);
            if (startsWord && endsWord)
            {
                return true;
            }

            from = index + 1;
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || char.IsSurrogate(c);
}

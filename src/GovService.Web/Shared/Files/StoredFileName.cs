using System.Globalization;
using System.Text;

namespace GovService.Web.Shared.Files;

/// <summary>
/// The name an upload is stored and later served under. The uploader's name is only a label: what it says about
/// folders and type is dropped. Path parts of either kind go (a Windows browser may send <c>C:\scans\a.pdf</c>, and
/// <c>..\..\x</c> must never reach a download's name); control characters go; so do the bidirectional overrides,
/// isolates and marks, which make a name read differently from what it is (U+202E turns <c>‮gnp.pdf</c> into
/// "fdp.png" on screen); the extension is the one of the detected type, so a JPEG named .png is stored as .jpg; and
/// the whole fits the column.
/// </summary>
internal static class StoredFileName
{
    public static string For(string? uploadedName, UploadRules.Kind kind, string fallbackStem, int maxLength)
    {
        var stem = Stem(Clean(uploadedName ?? ""));
        if (stem.Length == 0)
        {
            stem = Clean(fallbackStem).Trim().Trim('.').Trim();
        }

        if (stem.Length == 0)
        {
            stem = "file";
        }

        return Shorten(stem, maxLength - kind.Extension.Length) + kind.Extension;
    }

    /// <summary>The uploader's name as an error message may quote it: the same characters removed, the extension as given.</summary>
    public static string AsShown(string? uploadedName)
    {
        var name = Clean(uploadedName ?? "").Trim();
        return name.Length <= 255 ? name : Shorten(name, 255) + "…";
    }

    /// <summary>The last path part, without the characters that have no place in a name shown to people.</summary>
    private static string Clean(string name)
    {
        var last = name.LastIndexOfAny(['/', '\\']);
        var text = last >= 0 ? name[(last + 1)..] : name;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!char.IsControl(c) && !IsBidiControl(c) && !char.IsSurrogate(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>U+061C, U+200E/F, U+202A–U+202E and U+2066–U+2069: the marks, embeddings, overrides and isolates of the Unicode bidirectional algorithm.</summary>
    internal static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The name without the uploader's extension and without the spaces and dots at its ends (a leading dot hides a file, Windows drops a trailing one).</summary>
    private static string Stem(string name)
    {
        var dot = name.LastIndexOf('.');
        var stem = dot >= 0 ? name[..dot] : name;
        return stem.Trim().Trim('.').Trim();
    }

    /// <summary>At most <paramref name="length"/> characters, cut between whole characters (never inside a surrogate pair).</summary>
    private static string Shorten(string stem, int length)
    {
        if (stem.Length <= length)
        {
            return stem;
        }

        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(stem);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= length)
        {
            cut = elements.ElementIndex + elements.GetTextElement().Length;
        }

        return stem[..cut].TrimEnd();
    }
}

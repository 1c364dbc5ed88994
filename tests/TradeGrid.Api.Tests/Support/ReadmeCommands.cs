using System.Text;

namespace TradeGrid.Api.Tests.Support;

/// <summary>Reads the commands of the README's "Use it" section and turns a curl line into the request it sends.</summary>
public static class ReadmeCommands
{
    /// <summary>The non-empty lines of the first ```sh block after the "## Use it" heading.</summary>
    public static IReadOnlyList<string> UseIt(string readme)
    {
        int section = readme.IndexOf("\n## Use it", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '## Use it' section");
        int start = readme.IndexOf("```sh\n", section, StringComparison.Ordinal) + "```sh\n".Length;
        int end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
    }

    /// <summary>Words as a POSIX shell splits them: single quotes keep everything, double quotes keep spaces.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    /// <summary>The request a curl command sends (-X, -d; -s and -f change nothing here), to <paramref name="server"/> instead of the README's host.</summary>
    public static HttpRequestMessage ToHttp(IReadOnlyList<string> words, Uri server)
    {
        HttpMethod method = HttpMethod.Get;
        string? body = null;
        string? url = null;
        for (int i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-X":
                    method = new HttpMethod(words[++i]);
                    break;
                case "-d":
                    body = words[++i];
                    method = method == HttpMethod.Get ? HttpMethod.Post : method;
                    break;
                case var flag when flag.StartsWith('-'):
                    break;
                default:
                    url = words[i];
                    break;
            }
        }
        Assert.NotNull(url);
        var readme = new Uri(url);
        var request = new HttpRequestMessage(method, new Uri(server, readme.PathAndQuery));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        }
        return request;
    }

    /// <summary>Files the commands write (world.csv, usa.png) go to <paramref name="scratch"/>; files they read are the repository's.</summary>
    public static string InScratch(string word, string scratch) =>
        (word.EndsWith(".csv", StringComparison.Ordinal) || word.EndsWith(".png", StringComparison.Ordinal)) && !word.Contains('/', StringComparison.Ordinal)
            ? Path.Combine(scratch, word)
            : word.Contains('/', StringComparison.Ordinal) && File.Exists(Path.Combine(RepoFiles.Root(), word)) ? Path.Combine(RepoFiles.Root(), word) : word;
}

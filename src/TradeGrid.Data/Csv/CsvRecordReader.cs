using System.Globalization;
using TradeGrid.Domain;

namespace TradeGrid.Data.Csv;

/// <summary>
/// RFC 4180 records from a <see cref="TextReader"/>, fields as spans over one reused buffer: no string per field.
/// A quoted field may hold commas, doubled quotes and line breaks; a quote inside an unquoted field, text after a
/// closing quote or a quote left open at the end of the file is refused with its line. The spans are valid until
/// the next <see cref="Read"/>. A record longer than <see cref="ImportOptions.MaxLineChars"/> or a field longer than
/// <see cref="ImportOptions.MaxCellChars"/> is refused before more is buffered.
/// </summary>
internal sealed class CsvRecordReader
{
    private const int InitialBuffer = 1 << 16;

    private readonly TextReader _reader;
    private readonly string _fileName;
    private readonly int _maxLine;
    private readonly int _maxCell;
    private char[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private int _nextLine = 1;
    private int[] _fieldStart = new int[8];
    private int[] _fieldLength = new int[8];

    public CsvRecordReader(TextReader reader, ImportOptions options)
    {
        _reader = reader;
        _fileName = options.FileName;
        _maxLine = Math.Max(1, options.MaxLineChars);
        _maxCell = Math.Max(1, options.MaxCellChars);
        _buffer = new char[Math.Min(InitialBuffer, _maxLine + 2)];
    }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => _buffer.AsSpan(_fieldStart[index], _fieldLength[index]);

    /// <summary>A line with nothing on it (a trailing newline, a blank separator line).</summary>
    public bool IsBlank => Count == 1 && this[0].IsWhiteSpace();

    public string[] Fields()
    {
        var fields = new string[Count];
        for (int i = 0; i < Count; i++)
        {
            fields[i] = this[i].ToString();
        }
        return fields;
    }

    public bool Read()
    {
        while (true)
        {
            if (TryFindRecordEnd(out int end, out int next, out int lines, out bool quoted))
            {
                if (end - _start > _maxLine)
                {
                    throw LineTooLong(_nextLine, end - _start);
                }
                Line = _nextLine;
                _nextLine += lines;
                Split(_start, end, quoted);
                _start = next;
                return true;
            }
            if (_eof)
            {
                return false;
            }
            Fill();
        }
    }

    /// <summary>Finds where the record at <see cref="_start"/> ends; false when more input is needed first.</summary>
    private bool TryFindRecordEnd(out int end, out int next, out int lines, out bool quoted)
    {
        end = next = lines = 0;
        quoted = false;
        if (_start >= _end)
        {
            return false;
        }
        int p = _start;
        int quotedLines = 0;
        while (true)
        {
            int hit = _buffer.AsSpan(p, _end - p).IndexOfAny('"', '\n');
            if (hit < 0)
            {
                if (!_eof)
                {
                    return false;
                }
                end = next = _end;
                lines = 1 + quotedLines;
                return true;
            }
            p += hit;
            if (_buffer[p] == '\n')
            {
                end = p > _start && _buffer[p - 1] == '\r' ? p - 1 : p;
                next = p + 1;
                lines = 1 + quotedLines;
                return true;
            }
            quoted = true;
            int close = p + 1;
            while (true)
            {
                int q = _buffer.AsSpan(close, _end - close).IndexOf('"');
                if (q < 0)
                {
                    if (!_eof)
                    {
                        return false;
                    }
                    throw CsvFormatException.At(_fileName, _nextLine, "?", "a quoted field is never closed; close every opening quote and double any quote inside a field");
                }
                quotedLines += _buffer.AsSpan(close, q).Count('\n');
                close += q;
                if (close + 1 < _end && _buffer[close + 1] == '"')
                {
                    close += 2;
                    continue;
                }
                if (close + 1 >= _end && !_eof)
                {
                    return false;
                }
                break;
            }
            p = close + 1;
        }
    }

    private void Split(int from, int to, bool quoted)
    {
        Count = 0;
        if (!quoted)
        {
            int p = from;
            while (true)
            {
                int comma = _buffer.AsSpan(p, to - p).IndexOf(',');
                int length = comma < 0 ? to - p : comma;
                Add(p, length);
                if (comma < 0)
                {
                    return;
                }
                p += comma + 1;
            }
        }
        SplitQuoted(from, to);
    }

    /// <summary>The slow path for a record with quotes: unquotes fields in place (the result is never longer).</summary>
    private void SplitQuoted(int from, int to)
    {
        int p = from;
        while (true)
        {
            if (p < to && _buffer[p] == '"')
            {
                int write = p + 1;
                int fieldStart = write;
                int read = p + 1;
                while (true)
                {
                    char c = _buffer[read];
                    if (c == '"')
                    {
                        if (read + 1 < to && _buffer[read + 1] == '"')
                        {
                            _buffer[write++] = '"';
                            read += 2;
                            continue;
                        }
                        break;
                    }
                    _buffer[write++] = c;
                    read++;
                }
                Add(fieldStart, write - fieldStart);
                p = read + 1;
                if (p < to && _buffer[p] != ',')
                {
                    throw Malformed(this[Count - 1]);
                }
            }
            else
            {
                int comma = _buffer.AsSpan(p, to - p).IndexOf(',');
                int length = comma < 0 ? to - p : comma;
                if (_buffer.AsSpan(p, length).Contains('"'))
                {
                    throw Malformed(_buffer.AsSpan(p, length));
                }
                Add(p, length);
                p += length;
            }
            if (p >= to)
            {
                return;
            }
            p++;
            if (p == to)
            {
                Add(p, 0);
                return;
            }
        }
    }

    private CsvFormatException Malformed(ReadOnlySpan<char> field) =>
        CsvFormatException.At(_fileName, Line, "?", $"malformed field {InputQuote.Quote(field)}; quote fields that contain commas and double any quote inside them");

    private ResourceLimitException LineTooLong(int line, int length) =>
        new($"{_fileName} line {line}: longer than the server's limit of {_maxLine} characters per line; it starts "
            + $"{InputQuote.Quote(_buffer.AsSpan(_start, Math.Min(length, InputQuote.MaxChars)))}; end each row with a line break, or raise TradeGrid:Import:MaxLineChars");

    private void Add(int start, int length)
    {
        if (length > _maxCell)
        {
            throw new ResourceLimitException($"{_fileName} line {Line}, field {Count + 1}: {length.ToString(CultureInfo.InvariantCulture)} characters, over the server's limit of {_maxCell} "
                + $"per field; it starts {InputQuote.Quote(_buffer.AsSpan(start, Math.Min(length, InputQuote.MaxChars)))}; shorten it (a source is a short citation), or raise TradeGrid:Import:MaxCellChars");
        }
        if (Count == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, Count * 2);
            Array.Resize(ref _fieldLength, Count * 2);
        }
        _fieldStart[Count] = start;
        _fieldLength[Count] = length;
        Count++;
    }

    /// <summary>Moves the unread part to the front (growing the buffer when one record fills it) and reads more.</summary>
    private void Fill()
    {
        int pending = _end - _start;
        if (pending > _maxLine)
        {
            throw LineTooLong(_nextLine, pending);
        }
        if (pending == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        }
        _start = 0;
        _end = pending;
        int read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
    }
}

using System.Text;

namespace Ravine.Cli.Output;

/// <summary>
/// A writer that drops the spaces at the end of every line. Spectre.Console pads the cells of help grids and tables
/// to the console's width; piped, that width is <see cref="StatusOutput.PipedWidth"/>, and the padding would reach
/// whatever reads the output (hundreds of spaces per line of <c>--help | less</c>). Spaces are held back until a
/// character other than a space or a line end follows them. Each write reaches the inner writer as one write (the
/// console's writer flushes on every write).
/// </summary>
internal sealed class LineEndTrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _chunk = new();
    private int _spaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _chunk.Clear();
        foreach (char c in buffer)
        {
            if (c == ' ')
            {
                _spaces++;
                continue;
            }
            if (c is '\n' or '\r') _spaces = 0;
            else if (_spaces > 0)
            {
                _chunk.Append(' ', _spaces);
                _spaces = 0;
            }
            _chunk.Append(c);
        }
        if (_chunk.Length > 0) inner.Write(_chunk);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    public override void Flush() => inner.Flush();
}

using System.Text;

namespace Ravine.Cli.Output;

/// <summary>
/// A writer that drops the spaces at the end of every line. Spectre.Console pads the cells of help grids and tables
/// to the console's width; piped, that width is <see cref="StatusOutput.PipedWidth"/>, and the padding would reach
/// whatever reads the output (hundreds of spaces per line of <c>--help | less</c>). Spaces are held back until a
/// character other than a space or a line end follows them.
/// </summary>
internal sealed class LineEndTrimmingWriter(TextWriter inner) : TextWriter
{
    private int _spaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        switch (value)
        {
            case ' ':
                _spaces++;
                return;
            case '\n' or '\r':
                _spaces = 0;
                break;
            default:
                if (_spaces > 0) inner.Write(new string(' ', _spaces));
                _spaces = 0;
                break;
        }
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        foreach (char c in value) Write(c);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (int i = index; i < index + count; i++) Write(buffer[i]);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    public override void Flush() => inner.Flush();
}

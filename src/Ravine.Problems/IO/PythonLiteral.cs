using System.Text;

namespace Ravine.IO;

/// <summary>
/// A parser for the subset of Python literals that .npy headers are made of: dicts, tuples, lists, strings,
/// integers (with Python 2's optional <c>L</c> suffix), <c>True</c>, <c>False</c> and <c>None</c>, with any
/// whitespace between tokens. Results are <see cref="Dictionary{TKey, TValue}"/> (string keys, insertion order),
/// <see cref="PythonTuple"/>, <see cref="List{T}"/>, <see cref="string"/>, <see cref="long"/>, <see cref="bool"/>
/// and null. It never evaluates code, and nesting is bounded so a hostile header cannot overflow the stack.
/// Syntax errors are <see cref="FormatException"/>s whose message says what was expected where; an integer beyond
/// 64 bits is an <see cref="OverflowException"/> naming it.
/// </summary>
internal sealed class PythonLiteral
{
    private const int MaxDepth = 32;
    private readonly string _text;
    private int _pos;

    private PythonLiteral(string text) => _text = text;

    /// <summary>A Python tuple (as opposed to a list, which NumPy does not accept for a shape).</summary>
    public sealed record PythonTuple(IReadOnlyList<object?> Items);

    /// <summary>Parses one literal that must fill <paramref name="text"/> apart from surrounding whitespace.</summary>
    public static object? Parse(string text)
    {
        var parser = new PythonLiteral(text);
        var value = parser.Value(0);
        parser.SkipWhitespace();
        if (parser._pos != text.Length)
            throw parser.Error("the end of the literal");
        return value;
    }

    /// <summary>Names a parsed value's Python type, for messages.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "None",
        string => "a string",
        long => "an integer",
        bool => "a bool",
        PythonTuple => "a tuple",
        List<object?> => "a list",
        Dictionary<string, object?> => "a dict",
        _ => value.GetType().Name,
    };

    private object? Value(int depth)
    {
        if (depth > MaxDepth)
            throw new FormatException($"literal nested deeper than {MaxDepth} levels at character {_pos}");
        SkipWhitespace();
        if (_pos >= _text.Length)
            throw Error("a value");
        char c = _text[_pos];
        return c switch
        {
            '\'' or '"' => String(),
            '{' => Dict(depth),
            '(' => TupleOrParenthesized(depth),
            '[' => new List<object?>(Sequence(']', depth, out _)),
            '-' or '+' or (>= '0' and <= '9') => Integer(),
            _ => Name(),
        };
    }

    private string String()
    {
        char quote = _text[_pos++];
        var sb = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
                _pos++; // an escaped character stands for itself; .npy headers never need more
            if (_text[_pos] is '\n' or '\r')
                throw Error($"the closing {quote}");
            sb.Append(_text[_pos++]);
        }
        if (_pos >= _text.Length)
            throw Error($"the closing {quote}");
        _pos++;
        return sb.ToString();
    }

    private long Integer()
    {
        int start = _pos;
        bool negative = _text[_pos] == '-';
        if (_text[_pos] is '-' or '+')
            _pos++;
        int digitsStart = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            _pos++;
        if (_pos == digitsStart)
            throw Error("digits");
        var digits = _text.AsSpan(digitsStart, _pos - digitsStart);
        if (_pos < _text.Length && _text[_pos] is 'L' or 'l')
            _pos++;
        ulong magnitude = 0;
        foreach (char d in digits)
        {
            if (magnitude > (ulong.MaxValue - 9) / 10)
                throw TooLarge(start);
            magnitude = magnitude * 10 + (ulong)(d - '0');
        }
        if (magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
            throw TooLarge(start);
        return negative ? (long)(0 - magnitude) : (long)magnitude;
    }

    private OverflowException TooLarge(int start)
    {
        var literal = _text[start.._pos];
        if (literal.Length > 40)
            literal = literal[..40] + "…";
        return new OverflowException($"the integer {literal} at character {start} does not fit in 64 bits");
    }

    private object? Name()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            _pos++;
        switch (_text.AsSpan(start, _pos - start))
        {
            case "True": return true;
            case "False": return false;
            case "None": return null;
            default:
                _pos = start;
                throw Error("a value");
        }
    }

    private Dictionary<string, object?> Dict(int depth)
    {
        _pos++;
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhitespace();
            if (Take('}'))
                return dict;
            int keyAt = _pos;
            if (Value(depth + 1) is not string key)
                throw new FormatException($"a dict key at character {keyAt} is not a string");
            SkipWhitespace();
            if (!Take(':'))
                throw Error("':'");
            var value = Value(depth + 1);
            if (!dict.TryAdd(key, value))
                throw new FormatException($"the key '{key}' appears twice");
            SkipWhitespace();
            if (Take('}'))
                return dict;
            if (!Take(','))
                throw Error("',' or '}'");
        }
    }

    private object? TupleOrParenthesized(int depth)
    {
        var items = Sequence(')', depth, out bool sawComma);
        // (x) is just x in Python; only a comma (or nothing at all) makes a tuple.
        return items.Count == 1 && !sawComma ? items[0] : new PythonTuple(items);
    }

    private List<object?> Sequence(char close, int depth, out bool sawComma)
    {
        _pos++;
        sawComma = false;
        var items = new List<object?>();
        while (true)
        {
            SkipWhitespace();
            if (Take(close))
                return items;
            items.Add(Value(depth + 1));
            SkipWhitespace();
            if (Take(close))
                return items;
            if (!Take(','))
                throw Error($"',' or '{close}'");
            sawComma = true;
        }
    }

    private bool Take(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
            _pos++;
    }

    private FormatException Error(string expected)
    {
        if (_pos >= _text.Length)
            return new FormatException($"expected {expected} at character {_pos}, found the end of the header");
        var near = _text.Substring(_pos, Math.Min(16, _text.Length - _pos));
        var shown = new string(near.Select(ch => char.IsControl(ch) ? '?' : ch).ToArray());
        return new FormatException($"expected {expected} at character {_pos}, found \"{shown}\"");
    }
}

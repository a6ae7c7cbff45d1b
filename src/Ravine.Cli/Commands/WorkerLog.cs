using Microsoft.Extensions.Logging;

namespace Ravine.Cli.Commands;

/// <summary>
/// Where a worker's Orleans log goes: a file (<c>--log FILE</c>, information and up, exceptions with their stack
/// traces), stderr with <c>--verbose</c>, else nowhere. Orleans logs every refused connection and failed probe as a
/// warning with a stack trace, which on a console buries the worker's own lines.
/// </summary>
internal sealed class WorkerLog : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    private WorkerLog(StreamWriter writer) => _writer = writer;

    /// <summary>Opens <paramref name="path"/> for appending.</summary>
    /// <exception cref="ArgumentException">The file cannot be opened (named in the message).</exception>
    public static WorkerLog Open(string path)
    {
        try
        {
            return new WorkerLog(new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw new ArgumentException($"--log {path}: the file cannot be written ({e.Message}).", e);
        }
    }

    /// <summary>Sends the silo's log to <paramref name="file"/> (if any) and, when <paramref name="verbose"/>, to stderr.</summary>
    public static void Configure(ILoggingBuilder logging, WorkerLog? file, bool verbose)
    {
        if (file is null && !verbose) return;
        logging.SetMinimumLevel(LogLevel.Information);
        if (file is not null) logging.AddProvider(file);
        if (verbose)
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddSimpleConsole(o => o.SingleLine = true);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        lock (_lock) _writer.Dispose();
    }

    private void Write(LogLevel level, string category, EventId id, string message, Exception? exception)
    {
        string line = $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {level} {category}[{id.Id}] {message}";
        lock (_lock)
        {
            try
            {
                _writer.WriteLine(line);
                if (exception is not null) _writer.WriteLine(exception.ToString());
            }
            catch (ObjectDisposedException)
            {
                // A line logged while the host shuts down, after the file was closed.
            }
        }
    }

    private sealed class Logger(WorkerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Write(logLevel, category, eventId, formatter(state, exception), exception);
        }
    }
}

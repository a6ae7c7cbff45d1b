using System.Text.RegularExpressions;
using Ravine.Cli.Experiments;
using Ravine.Cli.Output;
using Ravine.Cli.Paper;

namespace Ravine.Tests.Cli;

/// <summary>report.html's tables.</summary>
public partial class HtmlReportTests
{
    [GeneratedRegex(@"<(td|span) class=""num"">[^<]*</(td|span)>")]
    private static partial Regex NoWrap();

    private static string Report()
    {
        var plan = new ExperimentPlan { Problems = ["quartic-rosenbrock"], Methods = ["gdpolyak", "gd", "polyak"], Seed = PublishedExperiments.Seed, Quick = true };
        var runs = Runner.Run(plan);
        var summary = new ExperimentSummary
        {
            Version = "test", CommandLine = "ravine reproduce", Seed = plan.Seed, Quick = true, Cancelled = false, StartedUtc = DateTimeOffset.UnixEpoch,
            WallSeconds = 1, Runs = runs.Select(RunSummary.From).ToArray(), Claims = PaperClaims.Check(runs),
        };
        return HtmlReport.Render(summary, runs, new Dictionary<string, IReadOnlyList<Figures.Rendered>>());
    }

    [Fact]
    public void Numbers_in_the_html_tables_never_break_at_the_exponents_hyphen()
    {
        string html = Report();
        Assert.Matches(@"\d\.\d\de-\d\d", html);
        // Every number with an exponent sits in a cell or span that does not wrap: numeric cells whole, numbers in prose alone.
        Assert.DoesNotMatch(@"\de[-+]\d", NoWrap().Replace(html, ""));
        Assert.Matches(@"\.num\s*\{[^}]*white-space:\s*nowrap", html);
    }
}

using Ravine.Cli.Compare;

namespace Ravine.Tests.Compare;

public class CompareEntryTests
{
    private static CompareEntry Entry(string method, string problem, bool tune) =>
        Assert.Single(CompareEntry.For(new ComparePlan { Methods = [method], Problems = [problem], Grid = tune ? TuningGrid.Default : null }));

    [Fact]
    public void A_method_without_a_value_for_a_required_option_needs_tuning_and_is_reported_not_skipped()
    {
        var entry = Entry("gd", "beale", tune: false);
        Assert.Empty(entry.Settings);
        Assert.Equal("needs --eta", entry.NeedsTuning);
    }

    [Fact]
    public void On_the_paper_problems_the_published_settings_are_the_defaults_without_the_epoch_count()
    {
        var entry = Entry("gdpolyak", "quadratic-sensing", tune: false);
        Assert.Equal("eta=0.05 K=300", Assert.Single(entry.Settings).Label);
    }

    [Fact]
    public void Tuning_grids_the_stepsize_and_a_required_count_without_a_value()
    {
        Assert.Equal(6, Entry("gd", "beale", tune: true).Settings.Count);
        Assert.Equal(6, Entry("adam", "beale", tune: true).Settings.Count);
        Assert.Equal(18, Entry("gdpolyak", "beale", tune: true).Settings.Count);
        // On the paper's problems K has a value and is not gridded; the paper's (η, K) joins the η grid, first.
        var sensing = Entry("gdpolyak", "quadratic-sensing", tune: true).Settings;
        Assert.Equal(7, sensing.Count);
        Assert.Equal("eta=0.05 K=300", sensing[0].Label);
        Assert.Single(Entry("polyak", "beale", tune: true).Settings);
    }
}

using Ravine.Methods;

namespace Ravine.Tests.Methods;

public class MethodsUnderTestTests
{
    [Fact]
    public void Every_registered_method_is_under_test_once()
    {
        Assert.Equal(MethodRegistry.Names.Order(), MethodsUnderTest.All.Select(m => m.Name).Order());
    }

    [Fact]
    public void Each_entry_builds_the_method_its_name_says()
    {
        foreach (var (name, create) in MethodsUnderTest.All)
            Assert.Equal(MethodRegistry.Find(name).Create(defaults: Defaults(name), optimalValue: 0).GetType(), create(0.01).GetType());
    }

    private static Dictionary<string, string> Defaults(string name) =>
        MethodRegistry.Find(name).Options.Where(o => o.Required).ToDictionary(o => o.Key, o => o.Kind == OptionKind.Integer ? "10" : "0.01");
}

using Ravine.Problems;

namespace Ravine.Tests.Problems;

/// <summary>
/// A fact that needs the Fashion-MNIST files (Debian's <c>dataset-fashion-mnist</c>, which <c>.ci/run</c> installs, or
/// the folder RAVINE_FASHION_MNIST names). Where they are missing, the test is reported as skipped with the reason
/// (decided at discovery), never silently passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactNeedsFashionMnistAttribute : FactAttribute
{
    public FactNeedsFashionMnistAttribute()
    {
        if (FashionMnistData.Missing(FashionMnistData.DefaultFolder) is { } reason)
            Skip = reason;
    }
}

using Ravine.IO;

namespace Ravine.Tests.IO;

public class NpyArrayTests
{
    [Fact]
    public void A_matrix_built_in_code_is_float64_row_major()
    {
        var a = new NpyArray([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal((2, 3, 2, NpyDtype.Float64, "<f8"), (a.Rows, a.Columns, a.Rank, a.Dtype, a.Descr));
        Assert.Equal(6.0, a[1, 2]);
        Assert.Equal("(2, 3) <f8", a.ToString());
    }

    [Fact]
    public void The_shape_is_a_copy_the_caller_cannot_change()
    {
        int[] shape = [2, 3];
        var a = new NpyArray(new double[6], shape);
        shape[0] = 6;
        Assert.Equal(new[] { 2, 3 }, a.Shape);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, 6)]
    [InlineData(new[] { 2, 2 }, 3)]
    [InlineData(new[] { -2, -3 }, 6)]
    [InlineData(new int[0], 2)]
    public void A_shape_of_more_than_two_dimensions_negative_or_not_matching_the_data_is_rejected(int[] shape, int length) =>
        Assert.Throws<ArgumentException>(() => new NpyArray(new double[length], shape));
}

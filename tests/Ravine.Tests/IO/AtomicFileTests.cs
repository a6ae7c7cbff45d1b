using Ravine.IO;

namespace Ravine.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void A_write_that_throws_half_way_leaves_the_old_content_and_no_temporary_file()
    {
        using var folder = new ScratchFolder();
        string path = folder.File("data.csv");
        AtomicFile.WriteAllText(path, "old\n");
        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new, half"u8);
            throw new IOException("disk gone");
        }));
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Root));
    }

    [Fact]
    public void WriteAllText_writes_utf8_without_a_byte_order_mark()
    {
        using var folder = new ScratchFolder();
        string path = folder.File("report.md");
        AtomicFile.WriteAllText(path, "x⁴ − η");
        Assert.Equal("x⁴ − η"u8.ToArray(), File.ReadAllBytes(path));
    }
}

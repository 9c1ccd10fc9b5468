namespace InnoCluster.BrowserTests;

public class Class1
{

}
